package dev.mnistlab.machine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * NVIDIA GPUs the machine has, whatever an engine makes of them: the driver's entries under {@code
 * /proc/driver/nvidia/gpus}, or else its device files {@code /dev/nvidia0}, {@code /dev/nvidia1}...
 * An engine that loaded CPU-only native libraries sees none of them, and DJL then computes on the
 * CPU without a word; comparing the two counts is how mnistlab says so.
 */
public final class GpuHardware {

    private static final Pattern DEVICE_FILE = Pattern.compile("nvidia[0-9]+");

    private GpuHardware() {}

    /** Returns how many NVIDIA GPUs this machine has; 0 where the driver shows none. */
    public static int count() {
        return count(Path.of("/proc/driver/nvidia/gpus"), Path.of("/dev"));
    }

    /**
     * Returns how many NVIDIA GPUs the driver's folders show.
     *
     * @param driverGpus the driver's folder of one entry per GPU
     * @param devices the folder of device files
     */
    static int count(Path driverGpus, Path devices) {
        int listed = entries(driverGpus, name -> true);
        return listed > 0
                ? listed
                : entries(devices, name -> DEVICE_FILE.matcher(name).matches());
    }

    private static int entries(Path folder, Predicate<String> wanted) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> children = Files.list(folder)) {
            return (int) children.map(child -> child.getFileName().toString())
                    .filter(wanted)
                    .count();
        } catch (IOException | SecurityException e) {
            return 0;
        }
    }
}
