package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The real process: exit codes reach the shell, and errors stay one line. */
class MainProcessTest {

    @Test
    void badInputExitsWithTwoAndOneLine() throws IOException, InterruptedException {
        ProcessRun result = ProcessRun.of("train", "--model", "rnn");
        assertEquals(2, result.exitCode());
        assertEquals(
                "mnistlab: --model 'rnn' is unknown: choose one of mlp, cnn" + System.lineSeparator(), result.err());
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
}
