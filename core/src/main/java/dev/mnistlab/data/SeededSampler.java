package dev.mnistlab.data;

import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A DJL {@link Sampler} that visits any {@link RandomAccessDataset} in mnistlab's seeded epoch order
 * ({@link EpochOrder}): epoch 1 on the first {@link #sample} call, epoch 2 on the next, and so on,
 * so a DJL dataset (basicdataset's {@code Mnist}, say) is shuffled exactly as mnistlab's trainer
 * shuffles the same images with the same seed.
 *
 * <pre>{@code
 * Mnist train = Mnist.builder().setSampling(new SeededSampler(32, 42)).build();
 * }</pre>
 */
public final class SeededSampler implements Sampler {

    private final int batchSize;
    private final long seed;
    private int epoch;

    /**
     * Creates a sampler.
     *
     * @param batchSize indices per batch; the last batch of an epoch may be smaller
     * @param seed the run's seed
     */
    public SeededSampler(int batchSize, long seed) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /** Returns the next epoch's batches of indices. */
    @Override
    public synchronized Iterator<List<Long>> sample(RandomAccessDataset dataset) {
        epoch++;
        int[] order = EpochOrder.shuffled(Math.toIntExact(dataset.size()), seed, epoch);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < order.length;
            }

            @Override
            public List<Long> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int end = Math.min(order.length, next + batchSize);
                List<Long> batch = new ArrayList<>(end - next);
                for (; next < end; next++) {
                    batch.add((long) order[next]);
                }
                return batch;
            }
        };
    }

    @Override
    public int getBatchSize() {
        return batchSize;
    }
}
