package dev.mnistlab.serve;

import dev.mnistlab.data.ImageFiles;
import dev.mnistlab.infer.MnistPreprocessor;
import java.io.IOException;

/** Turns an encoded picture from a request into the 784 values a model takes, as {@code predict} does. */
final class ImageDecoding {

    private ImageDecoding() {}

    /**
     * Decodes and prepares one picture, within {@code predict}'s limits on size and pixels.
     *
     * @param encoded PNG, JPEG, BMP or GIF bytes
     * @param name what to call the picture in messages
     * @throws dev.mnistlab.InvalidInputException if it is not a readable image, too large, or shows no ink
     */
    static float[] prepare(byte[] encoded, String name) throws IOException {
        return MnistPreprocessor.toMnist(ImageFiles.decode(encoded, name), name);
    }
}
