package dev.mnistlab.data;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import java.util.SplittableRandom;

/**
 * Random changes made to each training image every time a batch is made, so that no epoch sees
 * quite the same picture twice: a shift, a rotation and a scaling about the centre (one affine
 * map, sampled bilinearly, black outside the image) and, for pictures whose mirror image is the
 * same class (clothes, not digits), a horizontal flip.
 *
 * <pre>{@code
 * Augmentation digits = new Augmentation(2, 10, 0.1, false);  // +-2 px, +-10 degrees, +-10%
 * ImageDataset train = ImageDataset.builder(splits.train()).setSampling(64, true).optAugmentation(digits).build();
 * }</pre>
 *
 * <p>The changes are drawn from a random generator that the batch's position seeds ({@link
 * ImageDataset}), so a seeded run sees the same changed images every time, resumed or not. Made in
 * Java on the bytes in memory while batches are filled, they cost a few microseconds an image:
 * well under a percent of a CNN's training step.
 *
 * @param maxShift the most pixels an image moves along each axis, 0 to 8
 * @param maxRotation the most degrees an image turns either way, 0 to 45
 * @param maxScale the most an image grows or shrinks, as a fraction, 0 to 0.5
 * @param flip whether half the images are mirrored left to right
 */
public record Augmentation(double maxShift, double maxRotation, double maxScale, boolean flip) {

    /** No change: the images as they are. */
    public static final Augmentation NONE = new Augmentation(0, 0, 0, false);

    /** The most pixels of shift accepted. */
    public static final double MAX_SHIFT = 8;

    /** The most degrees of rotation accepted. */
    public static final double MAX_ROTATION = 45;

    /** The largest scaling fraction accepted. */
    public static final double MAX_SCALE = 0.5;

    /** Validates the ranges; the message names the field. */
    public Augmentation {
        requireRange(InputField.AUGMENT_SHIFT, maxShift, MAX_SHIFT);
        requireRange(InputField.AUGMENT_ROTATION, maxRotation, MAX_ROTATION);
        requireRange(InputField.AUGMENT_SCALE, maxScale, MAX_SCALE);
    }

    /** Says whether this changes nothing. */
    public boolean isNone() {
        return equals(NONE);
    }

    /**
     * One image's change: turn by {@code degrees} and scale by {@code scale} about the centre, then
     * move by {@code (shiftX, shiftY)} pixels, mirroring left to right first if {@code mirrored}.
     *
     * @param degrees the turn, counter-clockwise as the image is shown (rows downwards)
     * @param scale the size factor, 1 for none
     * @param shiftX pixels to the right
     * @param shiftY pixels down
     * @param mirrored whether the image is mirrored
     */
    public record Change(double degrees, double scale, double shiftX, double shiftY, boolean mirrored) {}

    /** Draws one image's change within this augmentation's bounds. */
    public Change draw(SplittableRandom random) {
        return new Change(
                uniform(random, maxRotation),
                1 + uniform(random, maxScale),
                uniform(random, maxShift),
                uniform(random, maxShift),
                flip && random.nextBoolean());
    }

    /**
     * Writes one image changed by a change drawn from {@code random}, its pixels scaled to [0, 1].
     *
     * @param source the set's pixels, unsigned bytes
     * @param offset where the image starts in {@code source}
     * @param rows image height
     * @param cols image width
     * @param target where the scaled, changed pixels go
     * @param targetOffset where the image starts in {@code target}
     * @param random draws this image's change
     */
    public void apply(
            byte[] source, int offset, int rows, int cols, float[] target, int targetOffset, SplittableRandom random) {
        apply(source, offset, rows, cols, target, targetOffset, draw(random));
    }

    /**
     * Writes one image changed by a given change, its pixels scaled to [0, 1]: each output pixel
     * takes the source point the inverse map sends it to, sampled bilinearly (black outside).
     *
     * @param source the set's pixels, unsigned bytes
     * @param offset where the image starts in {@code source}
     * @param rows image height
     * @param cols image width
     * @param target where the scaled, changed pixels go
     * @param targetOffset where the image starts in {@code target}
     * @param change the change
     */
    public static void apply(
            byte[] source, int offset, int rows, int cols, float[] target, int targetOffset, Change change) {
        double angle = Math.toRadians(change.degrees());
        double cos = Math.cos(angle) / change.scale();
        double sin = Math.sin(angle) / change.scale();
        double centreX = (cols - 1) / 2.0;
        double centreY = (rows - 1) / 2.0;
        for (int y = 0; y < rows; y++) {
            double dy = y - centreY - change.shiftY();
            for (int x = 0; x < cols; x++) {
                double dx = x - centreX - change.shiftX();
                double sourceX = cos * dx - sin * dy + centreX;
                double sourceY = sin * dx + cos * dy + centreY;
                if (change.mirrored()) {
                    sourceX = cols - 1 - sourceX;
                }
                target[targetOffset + y * cols + x] = bilinear(source, offset, rows, cols, sourceX, sourceY) / 255f;
            }
        }
    }

    private static double uniform(SplittableRandom random, double bound) {
        return bound == 0 ? 0 : random.nextDouble(-bound, bound);
    }

    private static float bilinear(byte[] source, int offset, int rows, int cols, double x, double y) {
        int left = (int) Math.floor(x);
        int top = (int) Math.floor(y);
        double right = x - left;
        double down = y - top;
        return (float) ((1 - down)
                        * ((1 - right) * pixel(source, offset, rows, cols, left, top)
                                + right * pixel(source, offset, rows, cols, left + 1, top))
                + down
                        * ((1 - right) * pixel(source, offset, rows, cols, left, top + 1)
                                + right * pixel(source, offset, rows, cols, left + 1, top + 1)));
    }

    private static int pixel(byte[] source, int offset, int rows, int cols, int x, int y) {
        return x < 0 || y < 0 || x >= cols || y >= rows ? 0 : source[offset + y * cols + x] & 0xff;
    }

    private static void requireRange(InputField field, double value, double max) {
        if (!(value >= 0 && value <= max)) {
            throw new InvalidInputException(
                    field, field.apiName() + " must be between 0 and " + max + ", got " + value);
        }
    }
}
