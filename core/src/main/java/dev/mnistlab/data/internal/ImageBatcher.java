package dev.mnistlab.data.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import dev.mnistlab.data.Augmentation;
import dev.mnistlab.data.EpochOrder;
import dev.mnistlab.data.ImageSet;
import java.util.SplittableRandom;

/**
 * Turns images of an {@link ImageSet} into DJL batches: pixels scaled to [0, 1] as float32 of shape
 * {@code (n, 1, rows, cols)}, labels as float32 of shape {@code (n)}.
 *
 * <p>The batcher reuses its buffers, Java-side and native, so one instance serves one thread and a
 * batch must be closed before the next is made. The arrays of a batch belong to the manager given
 * to {@link #batch}; closing the batch closes that manager.
 */
public final class ImageBatcher {

    private static final float[] SCALED = scaleTable();

    private final ImageSet images;
    private final float[] pixelBuffer;
    private final float[] labelBuffer;
    private final InputBuffer nativePixels = new InputBuffer();
    private final InputBuffer nativeLabels = new InputBuffer();

    /**
     * Creates a batcher.
     *
     * @param images the images to draw from
     * @param maxBatchSize the largest batch that will be asked for
     */
    public ImageBatcher(ImageSet images, int maxBatchSize) {
        this.images = images;
        this.pixelBuffer = new float[maxBatchSize * images.pixelsPerImage()];
        this.labelBuffer = new float[maxBatchSize];
    }

    /**
     * Builds the batch of images {@code order[from..to)}.
     *
     * @param manager owns the batch's arrays; closed when the batch is closed
     * @param order image indices, e.g. from {@link EpochOrder}
     * @param from first position in {@code order}, inclusive
     * @param to last position in {@code order}, exclusive
     * @return a batch the caller must close before asking for the next one (its arrays may share
     *     this batcher's native memory, see {@link InputBuffer})
     */
    public Batch batch(NDManager manager, int[] order, int from, int to) {
        return batch(manager, order, from, to, Augmentation.NONE, null);
    }

    /**
     * Builds the batch of images {@code order[from..to)}, each changed by an augmentation.
     *
     * @param manager owns the batch's arrays; closed when the batch is closed
     * @param order image indices, e.g. from {@link EpochOrder}
     * @param from first position in {@code order}, inclusive
     * @param to last position in {@code order}, exclusive
     * @param augmentation the changes to draw; {@link Augmentation#NONE} copies the images as they are
     * @param random draws the changes, in image order (unused without augmentation)
     * @return a batch the caller must close before asking for the next one
     */
    public Batch batch(
            NDManager manager, int[] order, int from, int to, Augmentation augmentation, SplittableRandom random) {
        int size = to - from;
        int pixels = images.pixelsPerImage();
        byte[] source = images.pixels();
        boolean plain = augmentation.isNone();
        for (int i = 0; i < size; i++) {
            int image = order[from + i];
            int offset = image * pixels;
            int target = i * pixels;
            if (plain) {
                for (int p = 0; p < pixels; p++) {
                    pixelBuffer[target + p] = SCALED[source[offset + p] & 0xff];
                }
            } else {
                augmentation.apply(source, offset, images.rows(), images.cols(), pixelBuffer, target, random);
            }
            labelBuffer[i] = images.label(image);
        }
        NDArray data = nativePixels.toArray(manager, pixelBuffer, new Shape(size, 1, images.rows(), images.cols()));
        NDArray labels = nativeLabels.toArray(manager, labelBuffer, new Shape(size));
        return new Batch(manager, new NDList(data), new NDList(labels), size, null, null, to, order.length);
    }

    private static float[] scaleTable() {
        float[] table = new float[256];
        for (int value = 0; value < table.length; value++) {
            table[value] = value / 255f;
        }
        return table;
    }
}
