package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.testing.ImageFolders;
import dev.mnistlab.testing.RealData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset of PNG files in class folders: trained, saved with its class names, evaluated and used. */
class ImageFolderDatasetIT {

    @TempDir
    Path dir;

    @Test
    void threeDigitClassesInFoldersTrainEvaluateAndPredictByName() throws IOException {
        DatasetSplits mnist = DatasetLoader.load(RealData.mnist(), NamedDataset.MNIST);
        Path folders = ImageFolders.write(
                dir.resolve("digits"),
                mnist.train().head(6000),
                mnist.test().head(1000),
                List.of("zero", "one", "two"));
        Path model = dir.resolve("model");

        CliRun train = CliRun.of("train", "--data-dir", folders.toString(), "--output", model.toString(), "--quiet");
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(
                train.out()
                        .contains("Training mlp 784-32-3 on the image folders 'digits', 3 classes [one, two, zero] ("),
                train.out());
        JsonObject metrics = JsonParser.parseString(Files.readString(model.resolve("metrics.json")))
                .getAsJsonObject();
        double accuracy = metrics.get("testAccuracy").getAsDouble();
        System.out.printf(Locale.ROOT, "MLP on 3 MNIST classes from PNG folders: test accuracy %.4f%n", accuracy);
        assertTrue(accuracy > 0.97, "test accuracy " + accuracy);
        JsonObject descriptor = JsonParser.parseString(Files.readString(model.resolve("model.json")))
                .getAsJsonObject();
        assertEquals("digits", descriptor.get("dataset").getAsString(), "the folder's name, not mnist");
        JsonObject data = metrics.getAsJsonObject("data");
        assertEquals("digits", data.get("name").getAsString());
        assertEquals("image-folders", data.get("format").getAsString());
        assertEquals(
                64, data.getAsJsonObject("sha256").get("fileList").getAsString().length());
        assertEquals(data, descriptor.getAsJsonObject("training").getAsJsonObject("data"));
        assertEquals(
                "[\"one\",\"two\",\"zero\"]",
                JsonParser.parseString(Files.readString(model.resolve("model.json")))
                        .getAsJsonObject()
                        .get("classNames")
                        .toString());

        CliRun evaluate = CliRun.of(
                "evaluate", "--model", model.toString(), "--data-dir", folders.toString(), "--json", "--quiet");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        JsonObject scores = JsonParser.parseString(evaluate.out()).getAsJsonObject();
        assertEquals(accuracy, scores.get("testAccuracy").getAsDouble(), 1e-9);
        assertEquals(3, scores.getAsJsonArray("confusion").size());

        CliRun wrongData = CliRun.of(
                "evaluate",
                "--model",
                model.toString(),
                "--data-dir",
                RealData.mnist().toString());
        assertEquals(2, wrongData.exitCode());
        assertEquals(
                "mnistlab: --data-dir " + RealData.mnist().toAbsolutePath().normalize()
                        + " holds the classes [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], not the model's [one, two, zero];"
                        + " give the data it was trained on" + System.lineSeparator(),
                wrongData.err());
        CliRun noData = CliRun.of("evaluate", "--model", model.toString());
        assertEquals(2, noData.exitCode());
        assertEquals(
                "mnistlab: the model was trained on the image folders 'digits', which are found only by their"
                        + " folder: give --data-dir" + System.lineSeparator(),
                noData.err());

        Path zero = dir.resolve("a-zero.png");
        ImageIO.write(ImageFolders.grey(mnist.test(), 3), "png", zero.toFile());
        assertEquals(0, mnist.test().label(3), "test image 3 of MNIST is a 0");
        CliRun predict = CliRun.of("predict", "--model", model.toString(), zero.toString());
        assertEquals(0, predict.exitCode(), predict.err());
        assertTrue(predict.out().startsWith(zero + ": zero ("), predict.out());
    }
}
