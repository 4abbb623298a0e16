package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mnistlab.testing.TrainedFolders;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pictures at the size limit on a small heap: a 40-megapixel JPEG takes about 400 MB of heap while
 * it is decoded and prepared, so with {@code -Xmx640m} two at once do not fit. {@code predict}
 * prepares pictures on every core; the decodes must take turns instead of running out of memory.
 */
class LargePicturesIT {

    private static final int SIDE = 6300;
    private static final int PICTURES = 4;

    @TempDir
    Path dir;

    @Test
    void picturesAtTheSizeLimitTakeTurnsOnASmallHeap() throws IOException, InterruptedException {
        Path model = TrainedFolders.mlp(dir.resolve("mlp"), 3);
        Path first = dir.resolve("seven-1.jpg");
        ImageIO.write(sevenOnPaper(), "jpg", first.toFile());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx640m",
                "-Dai.djl.offline=true",
                "-Djava.awt.headless=true",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "predict",
                "--model",
                model.toString(),
                "--json"));
        for (int i = 1; i <= PICTURES; i++) {
            Path picture = dir.resolve("seven-" + i + ".jpg");
            if (i > 1) {
                Files.copy(first, picture);
            }
            command.add(picture.toString());
        }
        Path errors = dir.resolve("stderr.txt");
        Process predict =
                new ProcessBuilder(command).redirectError(errors.toFile()).start();
        String out = new String(predict.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(predict.waitFor(5, TimeUnit.MINUTES), "predict did not finish");
        assertEquals(0, predict.exitValue(), Files.readString(errors));

        JsonObject result = JsonParser.parseString(out).getAsJsonObject();
        assertEquals(0, result.getAsJsonArray("errors").size(), out);
        JsonArray predictions = result.getAsJsonArray("predictions");
        assertEquals(PICTURES, predictions.size());
        for (JsonElement prediction : predictions) {
            assertEquals("7", prediction.getAsJsonObject().get("name").getAsString(), out);
        }
    }

    /** A thick 7 on off-white paper, as a phone photographs a written digit. */
    private static BufferedImage sevenOnPaper() {
        BufferedImage page = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D pen = page.createGraphics();
        pen.setColor(new Color(250, 245, 240));
        pen.fillRect(0, 0, SIDE, SIDE);
        pen.setColor(new Color(20, 20, 30));
        pen.setStroke(new BasicStroke(SIDE / 16f));
        pen.drawLine(SIDE / 4, SIDE / 6, SIDE * 3 / 4, SIDE / 6);
        pen.drawLine(SIDE * 3 / 4, SIDE / 6, SIDE * 2 / 5, SIDE * 7 / 8);
        pen.dispose();
        return page;
    }
}
