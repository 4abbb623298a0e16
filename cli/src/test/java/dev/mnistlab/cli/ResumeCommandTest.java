package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.mnistlab.testing.IdxFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --resume DIR}, as the stop notice prints it: with no other option. */
class ResumeCommandTest {

    @TempDir
    Path dir;

    @Test
    void aResumedRunFindsTheDataItWasTrainedOnWithoutDataDir() throws IOException {
        Path data = IdxFiles.writeDataset(dir.resolve("data"), 256, 32);
        Path run = dir.resolve("run");
        CliRun first = CliRun.of(
                "train", "--data-dir", data.toString(), "--epochs", "1", "--quiet", "--output", run.toString());
        assertEquals(0, first.exitCode(), first.err());

        CliRun resumed = CliRun.of("train", "--resume", run.toString(), "--epochs", "2");

        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().contains("Resuming " + run + " after epoch 1 of 1, up to epoch 2"), resumed.out());
        var metrics = JsonParser.parseString(Files.readString(run.resolve("metrics.json")))
                .getAsJsonObject();
        assertEquals(2, metrics.getAsJsonArray("epochs").size());
        assertEquals(
                data.toAbsolutePath().normalize().toString(),
                metrics.getAsJsonObject("data").get("folder").getAsString());
    }
}
