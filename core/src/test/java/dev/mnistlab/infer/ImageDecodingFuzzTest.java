package dev.mnistlab.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.ImageFiles;
import dev.mnistlab.testing.Fuzz;
import dev.mnistlab.testing.Mutations;
import dev.mnistlab.testing.Pictures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        List<byte[]> valid = List.of(
                Pictures.encoded(Pictures.stroke(BufferedImage.TYPE_BYTE_GRAY), "png"),
                Pictures.encoded(Pictures.stroke(BufferedImage.TYPE_INT_ARGB), "png"),
                Pictures.encoded(Pictures.stroke(BufferedImage.TYPE_INT_RGB), "jpg"),
                Pictures.encoded(Pictures.stroke(BufferedImage.TYPE_INT_RGB), "bmp"),
                Pictures.encoded(Pictures.stroke(BufferedImage.TYPE_BYTE_INDEXED), "gif"));
        Fuzz.run(
                "image decoding and preparation",
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
}
