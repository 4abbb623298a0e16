package dev.mnistlab.serve;

import dev.mnistlab.data.ImageFiles;
import dev.mnistlab.infer.MnistPreprocessor;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;

/**
 * Turns an encoded picture from a request into the 784 values a model takes, as {@code predict}
 * does, with at most one decode per core at a time: decoding is all computation, so more at once
 * would gain nothing. The heap that a burst of large uploads holds is bounded where every decode
 * is, in {@link ImageFiles}: a picture near the 40-megapixel limit takes about 400 MB while it is
 * decoded and prepared, and decodes together hold at most half the heap.
 */
final class ImageDecoding {

    private final Semaphore decoders;

    /** @param concurrent how many pictures may be decoded at once */
    ImageDecoding(int concurrent) {
        this.decoders = new Semaphore(concurrent, true);
    }

    /**
     * Decodes and prepares one picture, within {@code predict}'s limits on size and pixels.
     *
     * @param encoded PNG, JPEG, BMP or GIF bytes
     * @param name what to call the picture in messages
     * @throws dev.mnistlab.InvalidInputException if it is not a readable image, too large, or shows no ink
     */
    float[] prepare(byte[] encoded, String name) throws IOException {
        try {
            decoders.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to decode " + name);
        }
        try {
            return ImageFiles.decode(encoded, name, picture -> MnistPreprocessor.toMnist(picture, name));
        } finally {
            decoders.release();
        }
    }
}
