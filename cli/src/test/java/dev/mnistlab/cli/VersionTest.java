package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void versionNamesMnistlabDjlAndTheBundledEngines() {
        for (String[] args : new String[][] {{"--version"}, {"compare", "--version"}}) {
            CliRun run = CliRun.of(args);
            assertEquals(0, run.exitCode());
            String[] lines = run.out().split("\\R", -1);
            assertTrue(lines[0].matches("mnistlab \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), lines[0]);
            assertTrue(lines[1].startsWith("DJL 0.36.0, Java "), lines[1]);
            assertTrue(
                    lines[2].startsWith("engines bundled: pytorch-native-cpu 2.7.1, mxnet-native-mkl 1.9.1"), lines[2]);
        }
    }
}
