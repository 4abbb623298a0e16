package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real process: exit codes reach the shell, and errors stay one line. */
class MainProcessTest {

    private record Result(int exitCode, String out, String err) {}

    private static Result run(String... args) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(List.of(java.toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "mnistlab did not finish");
        return new Result(process.exitValue(),
                new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void badInputExitsWithTwoAndOneLine() throws IOException, InterruptedException {
        Result result = run("train", "--model", "rnn");
        assertEquals(2, result.exitCode());
        assertEquals("mnistlab: unknown model 'rnn': choose one of mlp, cnn" + System.lineSeparator(), result.err());
    }

    @Test
    void helpTeachesAndExitsWithZero() throws IOException, InterruptedException {
        Result result = run("train", "--help");
        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("--engine=NAME"), result.out());
        assertTrue(result.out().contains("mnistlab train --data-dir ../shared/data/mnist"), result.out());
    }

    @Test
    void enginesListsBothBackends() throws IOException, InterruptedException {
        Result result = run("engines");
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("pytorch (default)\n  engine   PyTorch 2.7.1 (cpu build), DJL 0.36.0"),
                result.out());
        assertTrue(result.out().contains("mxnet\n  engine   MXNet "), result.out());
        assertEquals("", result.err(), "no log noise on a healthy machine");
    }
}
