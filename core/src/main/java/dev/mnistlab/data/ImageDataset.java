package dev.mnistlab.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Record;
import ai.djl.training.dataset.Sampler;
import ai.djl.translate.TranslateException;
import ai.djl.util.Progress;
import dev.mnistlab.data.internal.ImageBatcher;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;

/**
 * An {@link ImageSet} as a DJL {@link RandomAccessDataset}, so DJL's own training loop
 * ({@code EasyTrain.fit}) and any code that takes a DJL dataset can use mnistlab data.
 *
 * <pre>{@code
 * ImageDataset train = ImageDataset.builder(splits.train()).setSampling(32, true).optSeed(42).build();
 * EasyTrain.fit(trainer, 2, train, ImageDataset.builder(splits.test()).setSampling(1000, false).build());
 * }</pre>
 *
 * <p>Batches are made the way mnistlab's own trainer makes them: pixels scaled to [0, 1] as float32
 * of shape {@code (n, 1, rows, cols)}, labels float32 of shape {@code (n)}, filled from the bytes in
 * memory straight into reused native memory ({@link ImageBatcher}). With random sampling, each epoch
 * visits the images in the seeded order of {@link EpochOrder}: {@link #getData(NDManager)} serves
 * epoch 1, 2, ... on successive calls, and {@link #epoch} serves any epoch, for resuming. A custom
 * DJL {@code Sampler} (given to the builder or to {@code getData}) is honoured through DJL's generic
 * path, one record at a time, instead.
 *
 * <p>With an {@link Augmentation}, every image of a batch is changed at random as the batch is made,
 * from a generator seeded by the seed, the epoch and the batch's position; records served one at a
 * time ({@link #get}, a custom sampler's path) are not changed.
 *
 * <p>Each batch's arrays belong to a sub-manager of the given manager and share the dataset
 * iterator's native input memory: close a batch (as {@code EasyTrain} does) before taking the next.
 */
public final class ImageDataset extends RandomAccessDataset {

    private final ImageSet images;
    private final int batchSize;
    private final boolean shuffled;
    private final boolean customSampler;
    private final long seed;
    private final Augmentation augmentation;
    private int epochsServed;

    private ImageDataset(Builder builder) {
        super(builder);
        this.images = builder.images;
        this.batchSize = builder.batchSize;
        this.shuffled = builder.shuffled;
        this.customSampler = builder.customSampler;
        this.seed = builder.seed;
        this.augmentation = builder.augmentation;
    }

    /**
     * Returns a builder over a set of images; {@code setSampling(batchSize, random)} is required.
     *
     * @param images the images, for example {@code DatasetLoader.load(folder, NamedDataset.MNIST).train()}
     */
    public static Builder builder(ImageSet images) {
        return new Builder(images);
    }

    /** Returns one image, scaled, shape {@code (1, rows, cols)}, with its label as a float32 scalar. */
    @Override
    public Record get(NDManager manager, long index) {
        int at = Math.toIntExact(index);
        NDArray image = manager.create(images.scaledImage(at), new Shape(1, images.rows(), images.cols()));
        NDArray label = manager.create((float) images.label(at));
        return new Record(new NDList(image), new NDList(label));
    }

    @Override
    protected long availableSize() {
        return images.size();
    }

    /** Nothing to prepare: the images are in memory. */
    @Override
    public void prepare(Progress progress) {}

    /** Serves the next epoch: the first call epoch 1, the next epoch 2, and so on. */
    @Override
    public synchronized Iterable<Batch> getData(NDManager manager) throws IOException, TranslateException {
        if (customSampler) {
            return super.getData(manager);
        }
        epochsServed++;
        return epoch(manager, epochsServed);
    }

    /**
     * Serves the next epoch, like {@link #getData(NDManager)}: batches are made on the calling thread,
     * which for data in memory costs less than handing them over (measured; see docs/architecture.md).
     */
    @Override
    public Iterable<Batch> getData(NDManager manager, ExecutorService executorService)
            throws IOException, TranslateException {
        return getData(manager);
    }

    /**
     * Serves the batches of one epoch, in that epoch's seeded order (or in order, without random
     * sampling), up to {@code limit()} images.
     *
     * @param manager the batches' arrays belong to sub-managers of it
     * @param epoch the epoch number, from 1
     */
    public Iterable<Batch> epoch(NDManager manager, int epoch) {
        int size = Math.toIntExact(size());
        int[] order = shuffled ? EpochOrder.shuffled(size, seed, epoch) : EpochOrder.sequential(size);
        return () -> new Batches(manager, order, epoch);
    }

    /** Returns how many batches an epoch has. */
    public int batchesPerEpoch() {
        return Math.toIntExact((size() + batchSize - 1) / batchSize);
    }

    /** Returns the images per batch. */
    public int batchSize() {
        return batchSize;
    }

    private final class Batches implements Iterator<Batch> {
        private final NDManager manager;
        private final int[] order;
        private final ImageBatcher batcher = new ImageBatcher(images, batchSize);
        private final long epochSeed;
        private int next;

        Batches(NDManager manager, int[] order, int epoch) {
            this.manager = manager;
            this.order = order;
            this.epochSeed = seed * 0x9E3779B97F4A7C15L + epoch * 0xC2B2AE3D27D4EB4FL;
        }

        @Override
        public boolean hasNext() {
            return next < order.length;
        }

        @Override
        public Batch next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            int from = next;
            next = Math.min(order.length, from + batchSize);
            // Each batch's changes come from its own position, so any batch can be made again alone.
            SplittableRandom random = augmentation.isNone() ? null : new SplittableRandom(epochSeed + from);
            return batcher.batch(manager.newSubManager(), order, from, next, augmentation, random);
        }
    }

    /** Builds an {@link ImageDataset}: DJL's sampling settings, and a seed for the epochs' order. */
    public static final class Builder extends BaseBuilder<Builder> {
        private final ImageSet images;
        private int batchSize;
        private boolean shuffled;
        private boolean customSampler;
        private long seed = 42;
        private Augmentation augmentation = Augmentation.NONE;

        private Builder(ImageSet images) {
            this.images = images;
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Sets the batch size and whether each epoch visits the images in a seeded random order; an
         * incomplete last batch is served unless {@code dropLast}.
         */
        @Override
        public Builder setSampling(int batchSize, boolean random, boolean dropLast) {
            if (dropLast) {
                customSampler = true;
            }
            this.batchSize = batchSize;
            this.shuffled = random;
            return super.setSampling(batchSize, random, dropLast);
        }

        /** Samples with DJL's generic path, one record at a time, in the sampler's order. */
        @Override
        public Builder setSampling(Sampler sampler) {
            this.batchSize = sampler.getBatchSize();
            this.customSampler = true;
            return super.setSampling(sampler);
        }

        /** Changes every image randomly each time it is served (default {@link Augmentation#NONE}). */
        public Builder optAugmentation(Augmentation augmentation) {
            this.augmentation = augmentation;
            return this;
        }

        /** Sets the seed of the epochs' order and of the augmentation (default 42, as mnistlab's runs). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Builds the dataset.
         *
         * @throws IllegalArgumentException if no positive batch size was set with {@link #setSampling}
         */
        public ImageDataset build() {
            if (batchSize < 1) {
                throw new IllegalArgumentException("batchSize must be set with setSampling(batchSize, random)");
            }
            return new ImageDataset(this);
        }
    }
}
