package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mnistlab.compare.CompareReport;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.testing.ImageFolders;
import dev.mnistlab.testing.RealData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mnistlab compare} end to end on real MNIST, with few steps, in real child JVMs. */
class CompareCommandIT {

    private static final List<String> CHARTS =
            List.of("accuracy.png", "training-throughput.png", "inference-latency.png", "inference-throughput.png");

    @TempDir
    Path dir;

    @Test
    void comparesBothEnginesOnBothModelsAndWritesEveryFile() throws IOException {
        Path output = dir.resolve("cmp");
        CliRun run = CliRun.of(
                "compare",
                "--engines",
                "pytorch,mxnet",
                "--models",
                "mlp,cnn",
                "--epochs",
                "1",
                "--limit-batches",
                "20",
                "--data-dir",
                RealData.mnist().toString(),
                "--output",
                output.toString());

        assertEquals(0, run.exitCode(), run.err() + run.out());
        assertTrue(run.out().contains("[4/4] mxnet cnn, run 1"), run.out());
        String report = Files.readString(output.resolve(CompareReport.MARKDOWN_FILE));
        for (String pair : List.of(
                "| mlp | pytorch | 1 |", "| mlp | mxnet | 1 |", "| cnn | pytorch | 1 |", "| cnn | mxnet | 1 |")) {
            assertTrue(report.contains(pair), pair + " missing from\n" + report);
        }
        assertTrue(report.contains("**Machine:** "), report);
        assertTrue(
                report.contains("```\nmnistlab compare --engines pytorch,mxnet --models mlp,cnn --epochs 1 "), report);
        List<String> csv = Files.readAllLines(output.resolve(CompareReport.CSV_FILE));
        assertEquals(5, csv.size(), String.join("\n", csv));
        JsonObject results = JsonParser.parseString(Files.readString(output.resolve(CompareReport.JSON_FILE)))
                .getAsJsonObject();
        assertTrue(results.getAsJsonObject("machine").get("peakGflops").getAsDouble() > 0);
        for (JsonElement element : results.getAsJsonArray("runs")) {
            JsonObject figures = element.getAsJsonObject().getAsJsonObject("figures");
            assertTrue(figures.get("testAccuracy").getAsDouble() > 0.5, figures.toString());
            assertTrue(figures.get("latencyP50Micros").getAsDouble() > 0, figures.toString());
            assertTrue(figures.get("steadySamplesPerSecond").getAsDouble() > 0, figures.toString());
        }
        for (String chart : CHARTS) {
            byte[] png = Files.readAllBytes(output.resolve(chart));
            assertEquals("\u0089PNG", new String(png, 0, 4, StandardCharsets.ISO_8859_1), chart);
        }
        assertTrue(Files.exists(output.resolve("runs/mxnet-cnn-1/model/model.json")), "trained model kept");
    }

    @Test
    void childJvmsThatFailAreReportedNotHidden() throws IOException {
        Path output = dir.resolve("failing");
        CliRun run = CliRun.of(
                "compare",
                "--engines",
                "pytorch",
                "--models",
                "mlp",
                "--jvm-option=-Xmx24m", // starts, then runs out of heap loading MNIST
                "--data-dir",
                RealData.mnist().toString(),
                "--output",
                output.toString());

        assertEquals(1, run.exitCode(), run.out());
        assertEquals(
                "mnistlab: 1 of 1 measurements failed; the others are reported. See the Failures section of "
                        + output.resolve(CompareReport.MARKDOWN_FILE) + System.lineSeparator(),
                run.err());
        assertTrue(run.out().contains("FAILED after "), run.out());
        String report = Files.readString(output.resolve(CompareReport.MARKDOWN_FILE));
        assertTrue(report.contains("- `pytorch-mlp-1`: exit code 1: "), report);
        assertTrue(
                Files.readString(output.resolve("runs/pytorch-mlp-1/output.log"))
                        .contains("heap"),
                "the child's own words are kept");
    }

    @Test
    void comparesOnAnImageFolderSetOfThreeClassesWithItsOwnClassNames() throws IOException {
        DatasetSplits mnist = DatasetLoader.load(RealData.mnist(), NamedDataset.MNIST);
        Path folders = ImageFolders.write(
                dir.resolve("digits"), mnist.train().head(600), mnist.test().head(300), List.of("zero", "one", "two"));
        Path output = dir.resolve("cmp-folders");
        CliRun run = CliRun.of(
                "compare",
                "--engines",
                "pytorch",
                "--models",
                "mlp",
                "--epochs",
                "1",
                "--data-dir",
                folders.toString(),
                "--output",
                output.toString(),
                "--quiet");
        assertEquals(0, run.exitCode(), run.err() + run.out());
        JsonObject figures = JsonParser.parseString(Files.readString(output.resolve(CompareReport.JSON_FILE)))
                .getAsJsonObject()
                .getAsJsonArray("runs")
                .get(0)
                .getAsJsonObject()
                .getAsJsonObject("figures");
        assertTrue(figures.get("latencyP50Micros").getAsDouble() > 0, figures.toString());
    }
}
