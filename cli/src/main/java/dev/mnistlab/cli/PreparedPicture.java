package dev.mnistlab.cli;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.ImageFiles;
import dev.mnistlab.infer.MnistPreprocessor;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A picture file for {@code predict}, decoded and prepared as MNIST's images were, or why it could
 * not be.
 */
final class PreparedPicture {

    private final Path file;
    private final float[] pixels;
    private final String failure;

    private PreparedPicture(Path file, float[] pixels, String failure) {
        this.file = file;
        this.pixels = pixels;
        this.failure = failure;
    }

    /** Returns the file, or {@code -} for standard input. */
    Path file() {
        return file;
    }

    /** Returns the prepared 28x28 image, or null. */
    float[] pixels() {
        return pixels;
    }

    /** Returns why the picture could not be read or prepared, or null. */
    String failure() {
        return failure;
    }

    /**
     * Reads and prepares a picture.
     *
     * @throws IOException if reading failed for a reason other than the file's content
     */
    static PreparedPicture prepare(Path file) throws IOException {
        try {
            return new PreparedPicture(file, readPrepared(file), null);
        } catch (InvalidInputException e) {
            return new PreparedPicture(file, null, e.getMessage());
        }
    }

    private static float[] readPrepared(Path file) throws IOException {
        Function<BufferedImage, float[]> prepared = picture -> MnistPreprocessor.toMnist(picture, file.toString());
        return file.equals(PredictCommand.STANDARD_INPUT)
                ? ImageFiles.read(System.in, "standard input", prepared)
                : ImageFiles.read(file, prepared);
    }
}
