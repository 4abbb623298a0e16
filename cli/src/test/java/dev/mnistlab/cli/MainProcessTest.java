package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.mnistlab.testing.IdxFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real process: exit codes reach the shell, and errors stay one line. */
class MainProcessTest {

    @Test
    void badInputExitsWithTwoAndOneLine() throws IOException, InterruptedException {
        ProcessRun result = ProcessRun.of("train", "--model", "rnn");
        assertEquals(2, result.exitCode());
        assertEquals(
                "mnistlab: --model 'rnn' is unknown: choose one of mlp, cnn, cnn-bn" + System.lineSeparator(),
                result.err());
    }

    @Test
    void threadCountsReachEachEngineBeforeItStarts(@TempDir Path dir) throws IOException, InterruptedException {
        Path data = IdxFiles.writeDataset(dir.resolve("data"), 64, 32);
        for (String engine : List.of("pytorch", "mxnet")) {
            for (String threads : List.of("1", "2", "auto")) {
                ProcessRun run = ProcessRun.of(
                        "train",
                        "--engine",
                        engine,
                        "--threads",
                        threads,
                        "--epochs",
                        "1",
                        "--data-dir",
                        data.toString(),
                        "--json",
                        "--quiet");
                assertEquals(0, run.exitCode(), engine + " --threads " + threads + ": " + run.err());
                int used = JsonParser.parseString(run.out())
                        .getAsJsonObject()
                        .get("computeThreads")
                        .getAsInt();
                assertEquals(threads.equals("2") ? 2 : 1, used, engine + " --threads " + threads);
            }
        }
    }

    @Test
    void helpTeachesAndExitsWithZero() throws IOException, InterruptedException {
        ProcessRun result = ProcessRun.of("train", "--help");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("--engine=NAME"), result.out());
        assertTrue(result.out().contains("mnistlab train --data-dir ../shared/data/mnist"), result.out());
    }

    @Test
    void enginesListsBothBackends() throws IOException, InterruptedException {
        ProcessRun result = ProcessRun.of("engines");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(
                result.out().contains("pytorch (default)\n  engine   PyTorch 2.7.1 (cpu build), DJL 0.36.0"),
                result.out());
        assertTrue(result.out().contains("mxnet\n  engine   MXNet "), result.out());
        assertEquals("", result.err(), "no log noise on a healthy machine");
    }

    @Test
    void stoppingATrainingSaysWhatWasKeptAndHowToGoOn(@TempDir Path dir) throws IOException, InterruptedException {
        Path data = IdxFiles.writeDataset(dir.resolve("data"), 256, 32);
        Path run = dir.resolve("run");
        Path err = dir.resolve("err.txt");
        Process training = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "train",
                        "--data-dir",
                        data.toString(),
                        "--epochs",
                        "10000",
                        "--quiet",
                        "--output",
                        run.toString())
                .redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(run.resolve("model.json")) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        training.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the JVM runs its shutdown hooks
        assertTrue(training.waitFor(60, TimeUnit.SECONDS));
        assertEquals(143, training.exitValue(), "the signal's exit code");
        String said = Files.readString(err).strip();
        assertTrue(
                said.matches("mnistlab: stopped; " + Pattern.quote(run.toString()) + " keeps \\d+ finished epochs?;"
                        + " 'mnistlab train --resume " + Pattern.quote(run.toString()) + "' goes on from there"),
                said);
    }
}
