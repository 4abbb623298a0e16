package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every file format mnistlab reads, damaged at random, through the command that reads it, in a JVM
 * with 256 MiB of heap and as much direct memory: any input ends in a result or one line with exit
 * 2, within a time limit, in bounded memory ({@link HostileFileDriver}).
 */
class HostileFilesTest {

    private static final int CASES = Integer.getInteger("mnistlab.hostile.cases", 40);

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"idx", "model.json", "parameters", "optimizer.state", "image"})
    void anyDamageEndsInAResultOrOneLineWithExitTwo(String format) throws IOException, InterruptedException {
        long seed = Long.getLong("mnistlab.hostile.seed", System.nanoTime());
        Process driver = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-XX:MaxDirectMemorySize=256m",
                        "-Dai.djl.offline=true",
                        "-Djava.awt.headless=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        HostileFileDriver.class.getName(),
                        format,
                        work.toString(),
                        Integer.toString(CASES),
                        Long.toString(seed))
                .redirectErrorStream(true)
                .start();
        String report = new String(driver.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(driver.waitFor(10, TimeUnit.MINUTES), "the driver did not finish");
        assertEquals(0, driver.exitValue(), "seed " + seed + ":\n" + report);
    }
}
