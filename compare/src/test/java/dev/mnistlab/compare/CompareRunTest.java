package dev.mnistlab.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareRunTest {

    @TempDir
    Path output;

    @Test
    void failedPairIsReportedAndTheOthersStillRun() throws Exception {
        ComparePlan plan = CompareFixtures.plan(List.of("pytorch", "mxnet"), List.of("mlp", "cnn"), 1);
        List<String> launched = new ArrayList<>();
        PairLauncher launcher = (request, folder, lines) -> {
            launched.add(request.label());
            return request.label().equals("mxnet-mlp-1")
                    ? new PairOutcome.Failed(
                            request,
                            "exit code 1: mnistlab: internal error: boom",
                            folder.resolve(ChildJvmLauncher.LOG_FILE))
                    : new PairOutcome.Measured(request, CompareFixtures.figures(request, 0.95, "2"), folder);
        };

        CompareResults results =
                new CompareRun(launcher, new CompareRun.Listener() {}).run(plan, CompareFixtures.context(), output);

        assertEquals(List.of("pytorch-mlp-1", "mxnet-mlp-1", "pytorch-cnn-1", "mxnet-cnn-1"), launched);
        assertEquals(1, results.failures().size());
        String report = Files.readString(output.resolve(CompareReport.MARKDOWN_FILE));
        assertTrue(
                report.contains("## Failures\n\n- `mxnet-mlp-1`: exit code 1: mnistlab: internal error: boom"
                        + " (output: `runs/mxnet-mlp-1/output.log`)"),
                report);
        assertTrue(report.contains("| mlp | mxnet | 0 (1 failed) |"), report);
        assertTrue(report.contains("| cnn | mxnet | 1 | 0.9500 |"), report);
        List<String> csv = Files.readAllLines(output.resolve(CompareReport.CSV_FILE));
        assertEquals(5, csv.size());
        assertTrue(csv.get(2).startsWith("mxnet,mlp,mlp,1,failed,"), csv.get(2));
        assertTrue(csv.get(2).endsWith(",exit code 1: mnistlab: internal error: boom"), csv.get(2));
        JsonObject json = readJson();
        assertEquals(
                "failed",
                json.getAsJsonArray("runs")
                        .get(1)
                        .getAsJsonObject()
                        .get("status")
                        .getAsString());
        assertEquals(4, json.getAsJsonArray("runs").size());
    }

    @Test
    void resultsAreWrittenAfterEveryPairSoAnInterruptedRunKeepsThem() throws Exception {
        ComparePlan plan = CompareFixtures.plan(List.of("pytorch"), List.of("mlp"), 3);
        List<Integer> runsOnDiskAtEachLaunch = new ArrayList<>();
        PairLauncher launcher = (request, folder, lines) -> {
            runsOnDiskAtEachLaunch.add(runsOnDisk());
            if (request.repetition() == 3) {
                throw new InterruptedException("stopped by the user");
            }
            return new PairOutcome.Measured(request, CompareFixtures.figures(request, 0.9, "2"), folder);
        };

        assertThrows(
                InterruptedException.class,
                () -> new CompareRun(launcher, new CompareRun.Listener() {})
                        .run(plan, CompareFixtures.context(), output));

        assertEquals(List.of(0, 1, 2), runsOnDiskAtEachLaunch);
        assertEquals(2, readJson().getAsJsonArray("runs").size());
        for (String chart : CompareCharts.CHARTS.keySet()) {
            assertPng(output.resolve(chart));
        }
    }

    @Test
    void repeatedRunsAreSummarisedAsMedianAndRange() throws Exception {
        ComparePlan plan = CompareFixtures.plan(List.of("pytorch"), List.of("mlp"), 3);
        double[] accuracies = {0.91, 0.95, 0.93};
        PairLauncher launcher = (request, folder, lines) -> new PairOutcome.Measured(
                request, CompareFixtures.figures(request, accuracies[request.repetition() - 1], "2"), folder);

        CompareResults results =
                new CompareRun(launcher, new CompareRun.Listener() {}).run(plan, CompareFixtures.context(), output);

        Spread accuracy = results.summaries().get(0).spread(Figure.TEST_ACCURACY);
        assertEquals(new Spread(0.93, 0.91, 0.95, 3), accuracy);
        String report = Files.readString(output.resolve(CompareReport.MARKDOWN_FILE));
        assertTrue(report.contains("| mlp | pytorch | 3 | 0.9300 (0.9100-0.9500) |"), report);
        assertTrue(report.contains("ran 3 times, each time in a fresh JVM"), report);
        JsonObject summary = readJson().getAsJsonArray("summaries").get(0).getAsJsonObject();
        assertEquals(
                0.91,
                summary.getAsJsonObject("figures")
                        .getAsJsonObject("test_accuracy")
                        .get("min")
                        .getAsDouble());
    }

    private int runsOnDisk() {
        try {
            return Files.exists(output.resolve(CompareReport.JSON_FILE))
                    ? readJson().getAsJsonArray("runs").size()
                    : 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonObject readJson() throws IOException {
        return JsonParser.parseString(Files.readString(output.resolve(CompareReport.JSON_FILE)))
                .getAsJsonObject();
    }

    static void assertPng(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertTrue(bytes.length > 1000, file + " is too small to be a chart");
        assertEquals(
                "\u0089PNG", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1), file.toString());
    }
}
