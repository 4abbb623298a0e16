package dev.mnistlab.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuHardwareTest {

    @TempDir
    Path temp;

    @Test
    void theDriversListOfGpusCountsFirst() throws IOException {
        Path driver = Files.createDirectories(temp.resolve("proc/driver/nvidia/gpus"));
        Files.createDirectory(driver.resolve("0000:17:00.0"));
        Files.createDirectory(driver.resolve("0000:65:00.0"));
        Path dev = Files.createDirectories(temp.resolve("dev"));
        Files.createFile(dev.resolve("nvidia0"));
        assertEquals(2, GpuHardware.count(driver, dev));
    }

    @Test
    void deviceFilesCountWithoutTheDriversList() throws IOException {
        Path dev = Files.createDirectories(temp.resolve("dev"));
        for (String name : new String[] {"nvidia0", "nvidia1", "nvidiactl", "nvidia-uvm", "null"}) {
            Files.createFile(dev.resolve(name));
        }
        assertEquals(2, GpuHardware.count(temp.resolve("no-driver"), dev));
    }

    @Test
    void noDriverNoDevicesIsNone() {
        assertEquals(0, GpuHardware.count(temp.resolve("a"), temp.resolve("b")));
    }
}
