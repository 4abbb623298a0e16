package dev.mnistlab.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's resident memory, as Linux reports it, for tests that look for leaks. */
public final class ResidentMemory {

    private ResidentMemory() {}

    /**
     * Returns the resident set in MiB after a full collection, so that Java garbage not yet
     * collected (the heap grows into its limit before collecting) is not mistaken for a leak.
     */
    public static double afterCollectionMiB() throws IOException {
        System.gc();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
