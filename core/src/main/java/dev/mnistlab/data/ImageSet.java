package dev.mnistlab.data;

import java.util.Arrays;

/**
 * Labelled grey-scale images held in memory as unsigned bytes, one image after the other.
 *
 * @param pixels {@code size() * rows * cols} unsigned bytes, row-major per image
 * @param labels one class index per image, {@code 0} to {@code classCount - 1}
 * @param rows image height in pixels
 * @param cols image width in pixels
 */
// The bytes are shared, not copied: a set is tens of megabytes; equals and hashcode compare contents.
@SuppressWarnings("ArrayRecordComponent")
public record ImageSet(byte[] pixels, byte[] labels, int rows, int cols) {

    /** Checks that pixels and labels describe the same number of images. */
    public ImageSet {
        if ((long) labels.length * rows * cols != pixels.length) {
            throw new IllegalArgumentException(labels.length + " labels do not match " + pixels.length + " pixels of "
                    + rows + "x" + cols + " images");
        }
    }

    /** Returns the number of images. */
    public int size() {
        return labels.length;
    }

    /** Returns the number of pixels in one image. */
    public int pixelsPerImage() {
        return rows * cols;
    }

    /** Returns the class index of image {@code index}. */
    public int label(int index) {
        return labels[index];
    }

    /**
     * Returns image {@code index} as models see it: pixels scaled to [0, 1] as floats, row-major,
     * the same values {@link ImageDataset} puts in a batch.
     */
    public float[] scaledImage(int index) {
        float[] image = new float[pixelsPerImage()];
        int offset = index * image.length;
        for (int p = 0; p < image.length; p++) {
            image[p] = (pixels[offset + p] & 0xff) / 255f;
        }
        return image;
    }

    /**
     * Returns the first {@code count} images, or this set if it holds no more than that.
     *
     * @param count how many images to keep, at least 1
     */
    public ImageSet head(int count) {
        if (count >= size()) {
            return this;
        }
        return new ImageSet(Arrays.copyOf(pixels, count * pixelsPerImage()), Arrays.copyOf(labels, count), rows, cols);
    }

    /**
     * Returns the images at the given positions, in the order given.
     *
     * @param indices positions in this set
     */
    public ImageSet select(int[] indices) {
        int size = pixelsPerImage();
        byte[] chosenPixels = new byte[indices.length * size];
        byte[] chosenLabels = new byte[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * size, chosenPixels, i * size, size);
            chosenLabels[i] = labels[indices[i]];
        }
        return new ImageSet(chosenPixels, chosenLabels, rows, cols);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ImageSet that
                && rows == that.rows
                && cols == that.cols
                && Arrays.equals(labels, that.labels)
                && Arrays.equals(pixels, that.pixels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(labels) + Arrays.hashCode(pixels);
    }

    @Override
    public String toString() {
        return "ImageSet[" + size() + " images of " + rows + "x" + cols + "]";
    }
}
