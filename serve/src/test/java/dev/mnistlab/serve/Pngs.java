package dev.mnistlab.serve;

import dev.mnistlab.data.ImageSet;
import dev.mnistlab.infer.MnistPreprocessor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** MNIST test images as PNG bytes, as a client would send them. */
final class Pngs {

    private Pngs() {}

    static byte[] of(ImageSet images, int index) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(MnistPreprocessor.toImage(images.scaledImage(index)), "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
