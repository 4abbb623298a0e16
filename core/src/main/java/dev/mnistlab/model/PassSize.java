package dev.mnistlab.model;

/** The rule behind {@link Architecture#imagesPerPass()}, in one place. */
final class PassSize {

    /** The activation bytes one inference pass may make. */
    private static final long ACTIVATION_BYTES = 48L << 20;

    private static final int FEWEST_IMAGES = 16;
    private static final int MOST_IMAGES = 256;

    private PassSize() {}

    /**
     * Returns the most images, a power of two within the bounds, whose activations fit the budget.
     *
     * @param activationsPerImage the values one image's forward pass makes
     */
    static int imagesFor(long activationsPerImage) {
        long fitting = ACTIVATION_BYTES / (activationsPerImage * Float.BYTES);
        long power = Long.highestOneBit(Math.max(1, fitting));
        return (int) Math.max(FEWEST_IMAGES, Math.min(MOST_IMAGES, power));
    }
}
