package dev.mnistlab.infer;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.ImageFiles;
import dev.mnistlab.testing.Mutations;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any bytes given as an image are decoded and prepared into 784 values in [0, 1], or refused with
 * our own {@link InvalidInputException}: damaged PNG, JPEG, BMP and GIF files included.
 */
class ImageDecodingFuzzTest {

    @Provide
    Arbitrary<byte[]> images() {
        return Arbitraries.oneOf(Mutations.of(encoded("png", BufferedImage.TYPE_BYTE_GRAY)),
                Mutations.of(encoded("png", BufferedImage.TYPE_INT_ARGB)),
                Mutations.of(encoded("jpg", BufferedImage.TYPE_INT_RGB)),
                Mutations.of(encoded("bmp", BufferedImage.TYPE_INT_RGB)),
                Mutations.of(encoded("gif", BufferedImage.TYPE_BYTE_INDEXED)));
    }

    @Property
    void preparesOrSaysWhyNot(@ForAll("images") byte[] bytes) throws IOException {
        float[] pixels;
        try {
            pixels = MnistPreprocessor.toMnist(ImageFiles.decode(bytes, "fuzzed"), "fuzzed");
        } catch (InvalidInputException expected) {
            if (!expected.getMessage().startsWith("fuzzed: ")) {
                throw new AssertionError("the message must name the image: " + expected.getMessage());
            }
            return;
        }
        if (pixels.length != 784) {
            throw new AssertionError(pixels.length + " values");
        }
        for (float value : pixels) {
            if (!(value >= 0 && value <= 1)) {
                throw new AssertionError("value " + value);
            }
        }
    }

    /** A dark stroke on light paper, 30x40, encoded in a format. */
    private static byte[] encoded(String format, int type) {
        BufferedImage picture = new BufferedImage(30, 40, type);
        Graphics2D graphics = picture.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, 30, 40);
        graphics.setColor(Color.DARK_GRAY);
        graphics.fillRect(12, 5, 6, 30);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(picture, format, out)) {
                throw new IllegalStateException("no " + format + " writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
