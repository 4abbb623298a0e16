package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.ImageSet;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.infer.MnistPreprocessor;
import dev.mnistlab.testing.RealData;
import dev.mnistlab.testing.TrainedFolders;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pictures made the way a person would make them: handwritten digits (MNIST test digits, unseen in
 * training) drawn large and off-centre on pages of several sizes, dark ink on light paper, some in
 * colour, some light on dark, saved as PNG and JPEG. The one-epoch CNN must read at least 90%.
 */
class PredictPhotosIT {

    private static final int IMAGES = 120;

    @TempDir
    Path dir;

    @Test
    void oneEpochCnnReadsPicturesOfHandwrittenDigits() throws IOException {
        Path data = RealData.mnist();
        Path model = dir.resolve("cnn");
        CliRun train =
                CliRun.of("train", "--model", "cnn", "--data-dir", data.toString(), "--output", model.toString());
        assertEquals(0, train.exitCode(), train.err());

        ImageSet test = DatasetLoader.load(data, NamedDataset.MNIST).test();
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        Map<String, Integer> truth = new HashMap<>();
        Random random = new Random(5);
        for (int i = 0; i < IMAGES; i++) {
            int index = 1000 + i * 37;
            String name = String.format(Locale.ROOT, "digit-%03d.%s", i, i % 2 == 0 ? "png" : "jpg");
            ImageIO.write(
                    page(test, index, i, random),
                    i % 2 == 0 ? "png" : "jpg",
                    pictures.resolve(name).toFile());
            truth.put(pictures.resolve(name).toString(), test.label(index));
        }

        int correct = correctPredictions(model, pictures, truth);
        System.out.printf(Locale.ROOT, "predict on %d pictures of handwritten digits: %d correct%n", IMAGES, correct);
        assertTrue(correct >= 0.9 * IMAGES, correct + " of " + IMAGES + " correct");
    }

    /**
     * The whole test set as the 28x28 grey PNG files people make of it: classifying the files must
     * score what {@code evaluate} scores on the IDX file, within half a point, so the preparation
     * gives MNIST's digits back as MNIST has them (before its centre of mass and its grey levels
     * were fixed, 3.5 points lower for this model).
     */
    @Test
    void theTestSetAsPngFilesScoresAsEvaluateDoes() throws IOException {
        Path model = TrainedFolders.mlp(dir.resolve("mlp"), 11);
        ImageSet test = DatasetLoader.load(RealData.mnist(), NamedDataset.MNIST).test();
        Path pictures = Files.createDirectories(dir.resolve("test-set"));
        Map<String, Integer> truth = new HashMap<>();
        for (int index = 0; index < test.size(); index++) {
            Path file = pictures.resolve(String.format(Locale.ROOT, "%05d.png", index));
            ImageIO.write(MnistPreprocessor.toImage(test.scaledImage(index)), "png", file.toFile());
            truth.put(file.toString(), test.label(index));
        }

        int correct = correctPredictions(model, pictures, truth);
        CliRun evaluate = CliRun.of(
                "evaluate",
                "--model",
                model.toString(),
                "--data-dir",
                RealData.mnist().toString(),
                "--json");
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        double evaluated = JsonParser.parseString(evaluate.out())
                .getAsJsonObject()
                .get("testAccuracy")
                .getAsDouble();
        double predicted = correct / (double) test.size();
        System.out.printf(Locale.ROOT, "test set as PNG files: predict %.4f, evaluate %.4f%n", predicted, evaluated);
        assertEquals(evaluated, predicted, 0.005);
    }

    /** Runs {@code predict} on a folder and counts the files whose class is their true label. */
    private static int correctPredictions(Path model, Path pictures, Map<String, Integer> truth) {
        CliRun predict = CliRun.of("predict", "--model", model.toString(), "--json", pictures.toString());
        assertEquals(0, predict.exitCode(), predict.err());
        int correct = 0;
        for (JsonElement element :
                JsonParser.parseString(predict.out()).getAsJsonObject().getAsJsonArray("predictions")) {
            JsonObject prediction = element.getAsJsonObject();
            if (truth.get(prediction.get("file").getAsString())
                    == prediction.get("class").getAsInt()) {
                correct++;
            }
        }
        return correct;
    }

    /** Draws digit {@code index} 5-8 times larger at a random place on a page of random size. */
    private static BufferedImage page(ImageSet images, int index, int variant, Random random) {
        Color[][] styles = {
            {Color.BLACK, Color.WHITE},
            {new Color(20, 30, 160), new Color(250, 240, 200)},
            {new Color(120, 20, 20), new Color(235, 235, 235)},
            {Color.WHITE, new Color(30, 30, 30)},
        };
        Color ink = styles[variant % styles.length][0];
        Color paper = styles[variant % styles.length][1];
        int scale = 5 + random.nextInt(4);
        int side = 28 * scale;
        int width = side + 100 + random.nextInt(500);
        int height = side + 100 + random.nextInt(300);
        BufferedImage digit = new BufferedImage(28, 28, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                int alpha = images.pixels()[index * 784 + y * 28 + x] & 0xff;
                digit.setRGB(x, y, (alpha << 24) | (ink.getRGB() & 0xffffff));
            }
        }
        BufferedImage page = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(paper);
        g.fillRect(0, 0, width, height);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(digit, random.nextInt(width - side), random.nextInt(height - side), side, side, null);
        g.dispose();
        return page;
    }
}
