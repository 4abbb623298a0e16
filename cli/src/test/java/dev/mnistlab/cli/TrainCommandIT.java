package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mnistlab.testing.RealData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code mnistlab train} end to end on real MNIST, briefly, on each engine. */
class TrainCommandIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"pytorch", "mxnet"})
    void writesMetricsAndParameters(String engine) throws IOException {
        Path output = dir.resolve("run-" + engine);
        CliRun run = CliRun.of(
                "train",
                "--engine",
                engine,
                "--data-dir",
                RealData.mnist().toString(),
                "--epochs",
                "2",
                "--limit-batches",
                "200",
                "--output",
                output.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("epoch 1: train loss "), run.out());
        assertTrue(run.out().contains("epoch 2: train loss "), run.out());
        JsonObject metrics = JsonParser.parseString(Files.readString(output.resolve("metrics.json")))
                .getAsJsonObject();
        for (String field : List.of(
                "engine",
                "engineVersion",
                "model",
                "dataset",
                "seed",
                "testAccuracy",
                "testLoss",
                "trainSeconds",
                "epochs")) {
            assertTrue(metrics.has(field), field + " missing from " + metrics);
        }
        assertEquals(engine, metrics.get("engine").getAsString());
        assertEquals("mlp", metrics.get("model").getAsString());
        assertEquals("mnist", metrics.get("dataset").getAsString());
        assertEquals(42, metrics.get("seed").getAsInt());
        assertTrue(metrics.get("testAccuracy").getAsDouble() > 0.85, metrics.toString());
        JsonObject epoch = metrics.getAsJsonArray("epochs").get(1).getAsJsonObject();
        for (String field :
                List.of("epoch", "trainLoss", "trainAccuracy", "testAccuracy", "seconds", "samplesPerSecond")) {
            assertTrue(epoch.has(field), field + " missing from " + epoch);
        }
        assertEquals(2, epoch.get("epoch").getAsInt());
        assertTrue(Files.size(output.resolve("model-0002.params")) > 4 * 25_450, "parameters saved");
        assertTrue(Files.exists(output.resolve("model.json")), "model described");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pytorch", "mxnet"})
    void modelTrainedOnOneEngineScoresTheSameOnBoth(String trainedOn) {
        Path model = dir.resolve("model-" + trainedOn);
        String data = RealData.mnist().toString();
        CliRun train = CliRun.of(
                "train",
                "--engine",
                trainedOn,
                "--model",
                "cnn",
                "--data-dir",
                data,
                "--limit-batches",
                "40",
                "--output",
                model.toString());
        assertEquals(0, train.exitCode(), train.err());
        double pytorch = evaluatedAccuracy(model, "pytorch", data);
        double mxnet = evaluatedAccuracy(model, "mxnet", data);
        assertTrue(pytorch > 0.8, "accuracy " + pytorch);
        assertTrue(Math.abs(pytorch - mxnet) <= 0.0005, pytorch + " on pytorch vs " + mxnet + " on mxnet");
    }

    private static double evaluatedAccuracy(Path model, String engine, String data) {
        CliRun run =
                CliRun.of("evaluate", "--model", model.toString(), "--engine", engine, "--data-dir", data, "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(10_000, json.get("count").getAsInt());
        assertEquals(10, json.getAsJsonArray("confusion").size());
        return json.get("testAccuracy").getAsDouble();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pytorch", "mxnet"})
    void findsFashionMnistInTheDebianFolder(String engine) {
        RealData.fashionMnist();
        CliRun run = CliRun.of(
                "train", "--engine", engine, "--dataset", "fashion-mnist", "--epochs", "1", "--limit-batches", "100");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("images from /usr/share/datasets/fashion-mnist"), run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pytorch", "mxnet"})
    void validatesStopsEarlyAndEndsWithTheBestEpoch(String engine) throws IOException {
        Path output = dir.resolve("best-" + engine);
        String data = RealData.mnist().toString();
        // A learning rate too high for RMSprop: the validation loss soon stops falling (after epoch 2 of
        // 4 on both engines, 2026-12-02).
        CliRun run = CliRun.of(
                "train",
                "--engine",
                engine,
                "--data-dir",
                data,
                "--epochs",
                "8",
                "--limit-batches",
                "150",
                "--learning-rate",
                "0.03",
                "--validation",
                "0.1",
                "--patience",
                "2",
                "--keep",
                "best",
                "--output",
                output.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("(54,000 train + 6,000 validation / 10,000 test images"), run.out());
        assertTrue(
                run.out()
                        .contains("  stop after 2 epochs without a better validation loss,"
                                + " keep the best epoch on validation loss"),
                run.out());
        JsonObject metrics = JsonParser.parseString(Files.readString(output.resolve("metrics.json")))
                .getAsJsonObject();
        List<JsonObject> epochs = new ArrayList<>();
        metrics.getAsJsonArray("epochs").forEach(epoch -> epochs.add(epoch.getAsJsonObject()));
        int best = 1;
        for (JsonObject epoch : epochs) {
            assertTrue(
                    run.out()
                            .contains(String.format(
                                    Locale.ROOT,
                                    "epoch %d: train loss %.4f acc %.4f | val loss %.4f acc %.4f | test loss",
                                    epoch.get("epoch").getAsInt(),
                                    epoch.get("trainLoss").getAsDouble(),
                                    epoch.get("trainAccuracy").getAsDouble(),
                                    epoch.get("validationLoss").getAsDouble(),
                                    epoch.get("validationAccuracy").getAsDouble())),
                    run.out());
            if (epoch.get("validationLoss").getAsDouble()
                    < epochs.get(best - 1).get("validationLoss").getAsDouble()) {
                best = epoch.get("epoch").getAsInt();
            }
        }
        System.out.printf("%s: %d epochs, best %d%n", engine, epochs.size(), best);
        assertEquals(best, metrics.get("keptEpoch").getAsInt());
        assertEquals(epochs.size() < 8, metrics.get("stoppedEarly").getAsBoolean());
        assertEquals(Math.min(8, best + 2), epochs.size());
        JsonObject kept = epochs.get(best - 1);
        assertTrue(
                run.out()
                        .contains(String.format(
                                Locale.ROOT,
                                "Kept epoch %d, the best: validation loss %.4f%nTest accuracy %.4f",
                                best,
                                kept.get("validationLoss").getAsDouble(),
                                kept.get("testAccuracy").getAsDouble())),
                run.out());
        assertEquals(
                kept.get("testAccuracy").getAsDouble(),
                metrics.get("testAccuracy").getAsDouble());
        assertTrue(Files.exists(output.resolve(String.format(Locale.ROOT, "model-%04d.params", best))));
        assertTrue(Files.exists(output.resolve(String.format(Locale.ROOT, "last-epoch-%04d.params", epochs.size()))));
        assertEquals(kept.get("testAccuracy").getAsDouble(), evaluatedAccuracy(output, engine, data));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pytorch", "mxnet"})
    void aRecipeTrainsItsModelOnAugmentedImagesAndTheFolderScoresAsRecorded(String engine) throws IOException {
        Path output = dir.resolve("recipe-" + engine);
        String data = RealData.mnist().toString();
        CliRun run = CliRun.of(
                "train",
                "--engine",
                engine,
                "--recipe",
                "mnist",
                "--data-dir",
                data,
                "--epochs",
                "2",
                "--limit-batches",
                "40",
                "--output",
                output.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(
                run.out()
                        .contains("Training cnn-bn conv3x3x32-pool-conv3x3x64-conv3x3x64-pool-256-dropout-10 on mnist"),
                run.out());
        assertTrue(
                run.out()
                        .contains("  lr schedule one-cycle, label smoothing 0.1, augmentation: shift 2 px, rotate 10"
                                + " deg, scale 0.1"),
                run.out());
        JsonObject metrics = JsonParser.parseString(Files.readString(output.resolve("metrics.json")))
                .getAsJsonObject();
        assertEquals("cnn-bn", metrics.get("model").getAsString());
        assertEquals(
                JsonParser.parseString("{\"shift\":2.0,\"rotation\":10.0,\"scale\":0.1,\"flip\":false}"),
                metrics.get("augmentation"));
        double recorded = metrics.get("testAccuracy").getAsDouble();
        assertTrue(recorded > 0.9, "80 batches of the recipe: " + recorded);
        assertEquals(recorded, evaluatedAccuracy(output, engine, data));
    }

    @ParameterizedTest
    @ValueSource(strings = {"pytorch", "mxnet"})
    void anEnsembleIsSavedAsOneModelThatScoresAsRecorded(String engine) throws IOException {
        Path output = dir.resolve("ensemble-" + engine);
        String data = RealData.mnist().toString();
        CliRun run = CliRun.of(
                "train",
                "--engine",
                engine,
                "--data-dir",
                data,
                "--ensemble",
                "2",
                "--epochs",
                "1",
                "--limit-batches",
                "60",
                "--seed",
                "5",
                "--output",
                output.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonObject metrics = JsonParser.parseString(Files.readString(output.resolve("metrics.json")))
                .getAsJsonObject();
        JsonObject ensemble = metrics.getAsJsonObject("ensemble");
        assertEquals(2, ensemble.get("members").getAsInt());
        assertEquals(JsonParser.parseString("[5,6]"), ensemble.get("seeds"));
        for (int member = 1; member <= 2; member++) {
            assertTrue(run.out().contains("Member " + member + " of 2, seed " + (4 + member) + "\n"), run.out());
            assertTrue(
                    run.out()
                            .contains(String.format(
                                    Locale.ROOT,
                                    "Member %d: test accuracy %.4f",
                                    member,
                                    ensemble.getAsJsonArray("memberTestAccuracy")
                                            .get(member - 1)
                                            .getAsDouble())),
                    run.out());
        }
        double recorded = metrics.get("testAccuracy").getAsDouble();
        assertTrue(
                run.out().contains(String.format(Locale.ROOT, "Ensemble of 2: test accuracy %.4f", recorded)),
                run.out());
        assertEquals(recorded, evaluatedAccuracy(output, engine, data));
        String model = Files.readString(output.resolve("model.json"));
        assertTrue(model.contains("\"name\": \"ensemble\""), model);
    }
}
