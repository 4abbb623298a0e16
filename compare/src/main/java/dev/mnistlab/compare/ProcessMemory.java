package dev.mnistlab.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads this process's peak resident memory, where the operating system tells it. */
final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");
    private static final String PEAK_FIELD = "VmHWM:";

    private ProcessMemory() {}

    /** Returns the peak resident set size in MiB, or {@code NaN} off Linux. */
    static double peakRssMiB() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(PEAK_FIELD)) {
                    String kib = line.substring(PEAK_FIELD.length())
                            .replace("kB", "")
                            .trim();
                    return Long.parseLong(kib) / 1024.0;
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
