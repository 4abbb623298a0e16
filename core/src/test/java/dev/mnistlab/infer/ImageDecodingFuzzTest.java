package dev.mnistlab.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.ImageFiles;
import dev.mnistlab.testing.Fuzz;
import dev.mnistlab.testing.Mutations;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Any bytes given as an image are decoded and prepared into 784 values in [0, 1], or refused with
 * our own {@link InvalidInputException}: damaged PNG, JPEG, BMP and GIF files included.
 */
class ImageDecodingFuzzTest {

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void preparesOrSaysWhyNot() throws IOException {
        List<byte[]> valid = List.of(encoded("png", BufferedImage.TYPE_BYTE_GRAY),
                encoded("png", BufferedImage.TYPE_INT_ARGB), encoded("jpg", BufferedImage.TYPE_INT_RGB),
                encoded("bmp", BufferedImage.TYPE_INT_RGB), encoded("gif", BufferedImage.TYPE_BYTE_INDEXED));
        Fuzz.run("image decoding and preparation",
                random -> Mutations.of(valid.get(random.nextInt(valid.size())), random),
                ImageDecodingFuzzTest::prepareOrRefuse);
    }

    private static void prepareOrRefuse(byte[] bytes) throws IOException {
        float[] pixels;
        try {
            pixels = MnistPreprocessor.toMnist(ImageFiles.decode(bytes, "fuzzed"), "fuzzed");
        } catch (InvalidInputException refused) {
            assertTrue(refused.getMessage().startsWith("fuzzed: "), refused.getMessage());
            return;
        }
        assertEquals(784, pixels.length);
        for (float value : pixels) {
            assertTrue(value >= 0 && value <= 1, "value " + value);
        }
    }

    /** A dark stroke on light paper, 30x40, encoded in a format. */
    private static byte[] encoded(String format, int type) throws IOException {
        BufferedImage picture = new BufferedImage(30, 40, type);
        Graphics2D graphics = picture.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 30, 40);
        graphics.setColor(Color.DARK_GRAY);
        graphics.fillRect(12, 5, 6, 30);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(picture, format, out), "a " + format + " writer");
        return out.toByteArray();
    }
}
