package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.Model;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.model.ModelFolder;
import dev.mnistlab.testing.RealData;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --output} killed with SIGKILL at random moments: the output folder must then be
 * absent or a complete model folder that loads, never half-written. Short epochs make the
 * per-epoch folder writes a large share of the run, so kills land inside them too.
 */
class KilledTrainingIT {

    private static final int KILLS = 20;

    @TempDir
    Path dir;

    @Test
    void outputIsCompleteOrAbsentWheneverTheProcessDies() throws IOException, InterruptedException {
        Path data = RealData.mnist();
        Random random = new Random(11);
        int complete = 0;
        int duringWrites = 0;
        for (int run = 0; run < KILLS; run++) {
            Path output = dir.resolve("run-" + run);
            Process process = start(
                    "train",
                    "--data-dir",
                    data.toString(),
                    "--epochs",
                    "1000",
                    "--limit-batches",
                    "5",
                    "--output",
                    output.toString());
            Thread.sleep(2500 + random.nextInt(3500));
            process.destroyForcibly();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "killed process did not end");
            if (Files.exists(output)) {
                assertLoadable(output);
                complete++;
            }
            String hidden = "." + output.getFileName() + ".";
            try (var leftovers = Files.list(dir)) {
                duringWrites +=
                        leftovers.anyMatch(p -> p.getFileName().toString().startsWith(hidden)) ? 1 : 0;
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%d kills: %d left a complete model folder, %d none; %d struck during a folder write%n",
                KILLS,
                complete,
                KILLS - complete,
                duringWrites);
        assertTrue(complete >= KILLS / 2, "most kills should come after the first epoch: " + complete);
    }

    private static void assertLoadable(Path output) throws IOException {
        JsonObject metrics = JsonParser.parseString(Files.readString(output.resolve("metrics.json")))
                .getAsJsonObject();
        int epochs = metrics.getAsJsonArray("epochs").size();
        assertTrue(
                Files.exists(output.resolve(String.format(Locale.ROOT, "model-%04d.params", epochs))),
                "parameters of epoch " + epochs);
        try (Model model = ModelFolder.load(output, Backends.get("pytorch"), Device.cpu())) {
            assertEquals(4, model.getBlock().getParameters().size());
        }
    }

    private static Process start(String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new java.util.ArrayList<>(
                List.of(java.toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(new File("/dev/null"))
                .start();
    }
}
