package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.mnistlab.testing.RealData;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What long commands print where: plain progress lines in logs, {@code --json} alone on standard output, {@code --quiet}. */
class ConsoleOutputIT {

    /** The ETA shows from the first second of an epoch on; these 200-batch epochs may be shorter. */
    private static final Pattern PLAIN_PROGRESS = Pattern.compile(
            "epoch 1:  25% 50/200 batches, [\\d,]+ samples/s, loss \\d\\.\\d{4}, acc \\d\\.\\d{4}(, ETA \\d+:\\d\\d)?");

    @TempDir
    Path dir;

    private static List<String> train(String... extra) {
        List<String> args = new java.util.ArrayList<>(
                List.of("train", "--data-dir", RealData.mnist().toString(), "--epochs", "2", "--limit-batches", "200"));
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    void logsGetPlainProgressLinesAndEpochLines() throws IOException, InterruptedException {
        ProcessRun run = ProcessRun.of(train().toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        System.out.println("standard error of 'mnistlab train' in a log:\n" + run.err());
        assertTrue(
                run.err().lines().anyMatch(line -> PLAIN_PROGRESS.matcher(line).matches()), run.err());
        assertEquals(
                8,
                run.err()
                        .lines()
                        .filter(line -> line.matches("epoch [12]: +\\d+% .*"))
                        .count(),
                run.err());
        assertFalse(run.err().contains("\r") || run.err().contains("\033"), "no terminal control characters in logs");
        assertTrue(run.out().contains("epoch 2: train loss "), run.out());
    }

    @Test
    void jsonIsTheOnlyThingOnStandardOutput() throws IOException {
        Path output = dir.resolve("run");
        CliRun run = CliRun.of(train("--json", "--output", output.toString()).toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        JsonObject result = onlyJsonObject(run.out());
        assertEquals(2, result.getAsJsonArray("epochs").size());
        assertEquals(output.toString(), result.get("output").getAsString());
        assertTrue(result.get("testAccuracy").getAsDouble() > 0.8, result.toString());
        assertTrue(run.err().contains("epoch 2: train loss "), "epoch lines move to standard error: " + run.err());

        CliRun evaluate = CliRun.of(
                "evaluate",
                "--model",
                output.toString(),
                "--data-dir",
                RealData.mnist().toString(),
                "--json",
                "--quiet");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        assertEquals(
                result.get("testAccuracy").getAsDouble(),
                onlyJsonObject(evaluate.out()).get("testAccuracy").getAsDouble(),
                1e-9);
        assertEquals("", evaluate.err());

        CliRun show = CliRun.of(
                "show",
                "--model",
                output.toString(),
                "--data-dir",
                RealData.mnist().toString(),
                "--errors",
                "--rows",
                "2",
                "--cols",
                "3",
                "--output",
                dir.resolve("errors.png").toString(),
                "--json");
        assertEquals(0, show.exitCode(), show.err());
        assertEquals(6, onlyJsonObject(show.out()).get("images").getAsInt());

        CliRun engines = CliRun.of("engines", "--json");
        assertEquals(0, engines.exitCode(), engines.err());
        assertEquals(2, onlyJsonObject(engines.out()).getAsJsonArray("engines").size());
    }

    @Test
    void quietLeavesOnlyTheResult() {
        CliRun run = CliRun.of(train("--quiet").toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertFalse(run.out().contains("epoch 1:"), run.out());
        assertTrue(run.out().contains("Test accuracy "), run.out());
    }

    /** Parses text that must hold one JSON object and nothing else. */
    private static JsonObject onlyJsonObject(String text) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(text));
        JsonObject object = JsonParser.parseReader(reader).getAsJsonObject();
        assertEquals(JsonToken.END_DOCUMENT, reader.peek(), "nothing after the JSON object: " + text);
        return object;
    }
}
