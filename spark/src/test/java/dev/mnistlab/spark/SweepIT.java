package dev.mnistlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.compare.CompareContext;
import dev.mnistlab.compare.CompareReport;
import dev.mnistlab.compare.CompareResults;
import dev.mnistlab.compare.PairOutcome;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.infer.DigitClassifier;
import dev.mnistlab.machine.MachineInfo;
import dev.mnistlab.testing.RealData;
import dev.mnistlab.testing.TrainedFolders;
import dev.mnistlab.train.ClassifierTrainer;
import dev.mnistlab.train.EpochCheckpoint;
import dev.mnistlab.train.TrainedModel;
import dev.mnistlab.train.TrainingProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep of four short settings (two engines, two optimizers) on a local master: each setting's
 * test accuracy equals a single-machine training with the same settings and thread count, and the
 * report and the best models are written as compare writes them.
 */
class SweepIT {

    @TempDir
    Path temp;

    @Test
    void fourSettingsReachTheAccuracyOfSingleMachineRunsAndAreReportedAsCompareReportsThem() throws IOException {
        DatasetSplits mnist = TrainedFolders.mnist();
        SweepGrid grid = new SweepGrid(
                List.of("pytorch", "mxnet"),
                List.of("mlp"),
                List.of("rmsprop", "adam"),
                List.of(),
                List.of(7),
                1,
                null,
                50,
                "mnist",
                null,
                1);
        Path output = temp.resolve("sweep");
        SparkSession spark =
                SparkSession.builder().master("local[2]").appName("SweepIT").getOrCreate();
        CompareResults results;
        try {
            results = ClusterSweep.run(
                    spark,
                    grid,
                    mnist,
                    RealData.mnist(),
                    new CompareContext(
                            MachineInfo.current(), "SweepIT", Instant.now(), "sweep", ClusterSweep.ISOLATION),
                    output);
        } finally {
            spark.stop();
        }

        assertEquals(4, results.outcomes().size());
        assertTrue(results.failures().isEmpty(), results.failures().toString());
        for (PairOutcome outcome : results.outcomes()) {
            PairOutcome.Measured measured = (PairOutcome.Measured) outcome;
            double single = singleMachineAccuracy(measured, mnist);
            assertEquals(
                    single, measured.figures().testAccuracy(), outcome.request().label());
            assertTrue(single > 0.5, outcome.request().label() + " learned: " + single);
        }
        JsonObject json = JsonParser.parseString(Files.readString(output.resolve(CompareReport.JSON_FILE)))
                .getAsJsonObject();
        assertEquals(4, json.getAsJsonArray("runs").size());
        assertEquals(
                5, Files.readAllLines(output.resolve(CompareReport.CSV_FILE)).size());
        String report = Files.readString(output.resolve(CompareReport.MARKDOWN_FILE));
        assertTrue(report.contains("| mlp adam lr=0.001 seed=7 | mxnet | 1 |"), report);
        assertTrue(report.contains("Every setting trains as one Spark task"), report);
        // One bar per (setting, engine) down the side: 120 pixels of title, axis and legend, 26 a bar.
        assertEquals(
                120 + 26 * 4,
                ImageIO.read(output.resolve("accuracy.png").toFile()).getHeight());
        for (String engine : grid.engines()) {
            Path best = output.resolve(ClusterSweep.BEST_FOLDER).resolve(engine + "-mlp");
            double bestAccuracy = results.outcomes().stream()
                    .filter(outcome -> outcome.request().engine().equals(engine))
                    .mapToDouble(outcome ->
                            ((PairOutcome.Measured) outcome).figures().testAccuracy())
                    .max()
                    .orElseThrow();
            try (DigitClassifier classifier = DigitClassifier.open(best, Backends.get(engine))) {
                assertEquals(
                        bestAccuracy,
                        classifier.evaluate(mnist.test()).summary().accuracy(),
                        1e-12,
                        engine);
            }
        }
    }

    /** What {@code mnistlab train} with the same settings reaches in this JVM. */
    private static double singleMachineAccuracy(PairOutcome.Measured measured, DatasetSplits mnist) {
        try (TrainedModel trained = new ClassifierTrainer(
                        Backends.get(measured.request().engine()))
                .train(measured.request().spec(), mnist, TrainingProgress.SILENT, EpochCheckpoint.NONE)) {
            return trained.result().testAccuracy();
        }
    }
}
