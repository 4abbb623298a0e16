package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mnistlab.testing.IdxFiles;
import dev.mnistlab.testing.Pictures;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict}'s handling of files and folders, with a small model trained on synthetic data. */
class PredictCommandTest {

    @TempDir
    static Path dir;

    private static Path model;
    private static Path images;

    @BeforeAll
    static void trainTinyModelAndDrawImages() throws IOException {
        model = dir.resolve("model");
        CliRun train = CliRun.of(
                "train",
                "--data-dir",
                IdxFiles.writeDataset(dir.resolve("data"), 64, 16).toString(),
                "--limit-batches",
                "1",
                "--epochs",
                "1",
                "--output",
                model.toString());
        assertEquals(0, train.exitCode(), train.err());
        images = Files.createDirectories(dir.resolve("images"));
        BufferedImage page = new BufferedImage(200, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 200, 160);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(12));
        g.drawLine(100, 20, 100, 140);
        g.dispose();
        ImageIO.write(page, "png", images.resolve("one.png").toFile());
        ImageIO.write(page, "jpg", images.resolve("one.jpg").toFile());
        Files.createFile(images.resolve("empty.png"));
        Files.writeString(images.resolve("notes.gif"), "not a picture");
        Files.writeString(images.resolve("readme.txt"), "skipped: not an image name");
        BufferedImage blank = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(blank, "png", dir.resolve("blank.png").toFile());
    }

    @Test
    void badFilesAreReportedAndTheRestClassified() {
        CliRun run = CliRun.of("predict", "--model", model.toString(), images.toString());
        assertEquals(2, run.exitCode(), "some files failed");
        assertEquals(
                String.join(
                        System.lineSeparator(),
                        "mnistlab: " + images.resolve("empty.png") + ": empty file (0 bytes)",
                        "mnistlab: " + images.resolve("notes.gif")
                                + ": not an image mnistlab can read (PNG, JPEG, BMP or GIF)",
                        ""),
                run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        assertTrue(
                lines.get(0)
                        .matches(java.util.regex.Pattern.quote(
                                        images.resolve("one.jpg").toString()) + ": \\d \\(\\d\\.\\d{4}\\)"),
                lines.get(0));
    }

    @Test
    void allGoodFilesExitWithZero() throws IOException {
        Path prepared = dir.resolve("prepared");
        CliRun run = CliRun.of(
                "predict",
                "--model",
                model.toString(),
                "--top-k",
                "3",
                "--save-prepared",
                prepared.toString(),
                images.resolve("one.png").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  top-3: "), run.out());
        BufferedImage seen = ImageIO.read(prepared.resolve("one.png.28x28.png").toFile());
        assertEquals(28, seen.getWidth());
        assertEquals(0, seen.getRaster().getSample(0, 0, 0), "paper is black");
        assertEquals(255, seen.getRaster().getSample(14, 14, 0), "the stroke passes through the centre, bright");
    }

    @Test
    void jsonListsPredictionsAndErrors() {
        CliRun run = CliRun.of(
                "predict",
                "--model",
                model.toString(),
                "--json",
                "--top-k",
                "2",
                images.toString(),
                dir.resolve("absent.png").toString());
        assertEquals(2, run.exitCode());
        JsonObject json = JsonParser.parseString(run.out()).getAsJsonObject();
        assertEquals(2, json.getAsJsonArray("predictions").size());
        assertEquals(
                2,
                json.getAsJsonArray("predictions")
                        .get(0)
                        .getAsJsonObject()
                        .getAsJsonArray("top")
                        .size());
        assertEquals(3, json.getAsJsonArray("errors").size());
        assertEquals(
                dir.resolve("absent.png") + ": no such file or folder",
                json.getAsJsonArray("errors")
                        .get(0)
                        .getAsJsonObject()
                        .get("error")
                        .getAsString());
    }

    @Test
    void blankPageIsReported() {
        CliRun run = CliRun.of(
                "predict", "--model", model.toString(), dir.resolve("blank.png").toString());
        assertEquals(2, run.exitCode());
        assertEquals(
                "mnistlab: " + dir.resolve("blank.png") + ": no ink found (a blank page?); give a picture of one"
                        + " digit" + System.lineSeparator(),
                run.err());
    }

    @Test
    void decompressionBombIsRefused() throws IOException {
        Path bomb = Files.write(dir.resolve("bomb.png"), Pictures.pngClaiming(30_000, 30_000));
        CliRun run = CliRun.of("predict", "--model", model.toString(), bomb.toString());
        assertEquals(2, run.exitCode());
        assertEquals(
                "mnistlab: " + bomb + ": 30000x30000 pixels, over the limit of 40 megapixels (20000 per side);"
                        + " scale the image down" + System.lineSeparator(),
                run.err());
    }

    @Test
    void topKOutOfRange() {
        CliRun run = CliRun.of("predict", "--model", model.toString(), "--top-k", "11", images.toString());
        assertEquals(2, run.exitCode());
        assertEquals("mnistlab: --top-k must be between 1 and 10, got 11" + System.lineSeparator(), run.err());
        assertEquals("", run.out());
    }
}
