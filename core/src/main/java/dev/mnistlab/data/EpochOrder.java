package dev.mnistlab.data;

import java.util.SplittableRandom;

/**
 * The order in which an epoch visits a set's images.
 *
 * <p>A shuffled order depends only on the seed and the epoch number, so a run can be repeated
 * exactly, and a run resumed at epoch {@code e} sees the same order it would have seen.
 */
public final class EpochOrder {

    private EpochOrder() {}

    /**
     * Returns a permutation of {@code 0..count-1} determined by the seed and the epoch.
     *
     * @param count how many images
     * @param seed the run's seed
     * @param epoch the epoch number, from 1
     */
    public static int[] shuffled(int count, long seed, int epoch) {
        int[] order = sequential(count);
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + epoch);
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** Returns {@code 0..count-1} in order. */
    public static int[] sequential(int count) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        return order;
    }
}
