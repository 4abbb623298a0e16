package dev.mnistlab.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;

/**
 * A convolutional network with batch normalisation and dropout, the model of the accuracy recipes
 * ({@code cnn-bn}): conv 3x3x32, max-pool 2, conv 3x3x64, conv 3x3x64, max-pool 2, dense 256,
 * dropout 0.25, dense 10; every convolution and the hidden dense layer followed by batch
 * normalisation and ReLU.
 *
 * <p>It costs less per image than the seed's {@link CnnArchitecture} (its large convolutions run on
 * 14x14 maps, its dense layer is a quarter as wide) and is deeper. Batch normalisation keeps running
 * means and variances as parameters that take no gradient: they are saved with the model and used
 * when it classifies; dropout is on only while training.
 */
public record BatchNormCnnArchitecture() implements Architecture {

    private static final int IMAGE_SIDE = 28;
    private static final int KERNEL_SIZE = 3;
    private static final int FIRST_FILTERS = 32;
    private static final int SECOND_FILTERS = 64;
    private static final int DENSE_UNITS = 256;
    private static final float DROPOUT = 0.25f;
    /** Per normalised channel: scale, shift, running mean and running variance. */
    private static final int BATCH_NORM_VALUES = 4;

    @Override
    public String name() {
        return "cnn-bn";
    }

    /** PyTorch's default for convolution and linear weights. */
    @Override
    public WeightInit weightInit() {
        return WeightInit.PYTORCH_DEFAULT;
    }

    @Override
    public long forwardFlops() {
        long half = IMAGE_SIDE / 2;
        long kernel = (long) KERNEL_SIZE * KERNEL_SIZE;
        long first = 2 * kernel * FIRST_FILTERS * IMAGE_SIDE * IMAGE_SIDE;
        long second = 2 * kernel * FIRST_FILTERS * SECOND_FILTERS * half * half;
        long third = 2 * kernel * SECOND_FILTERS * SECOND_FILTERS * half * half;
        return first + second + third + 2 * largestParameterArray() + 2L * DENSE_UNITS * CLASS_COUNT;
    }

    @Override
    public long parameterCount(int classCount) {
        long kernel = (long) KERNEL_SIZE * KERNEL_SIZE;
        long convolutions = kernel * FIRST_FILTERS
                + FIRST_FILTERS
                + kernel * FIRST_FILTERS * SECOND_FILTERS
                + SECOND_FILTERS
                + kernel * SECOND_FILTERS * SECOND_FILTERS
                + SECOND_FILTERS;
        long normalised = (long) BATCH_NORM_VALUES * (FIRST_FILTERS + 2 * SECOND_FILTERS + DENSE_UNITS);
        long dense = largestParameterArray() + DENSE_UNITS + (long) DENSE_UNITS * classCount + classCount;
        return convolutions + normalised + dense;
    }

    /** The dense layer's weights. */
    @Override
    public long largestParameterArray() {
        return (long) SECOND_FILTERS * (IMAGE_SIDE / 4) * (IMAGE_SIDE / 4) * DENSE_UNITS;
    }

    /**
     * Each layer's output: the first convolution, its normalisation and ReLU, the pool, three maps
     * for each later convolution, the pool, then the dense layer's four (dense, normalised, ReLU,
     * dropout) and the scores.
     */
    @Override
    public long activationsPerImage() {
        long side = IMAGE_SIDE;
        long first = FIRST_FILTERS * side * side;
        long second = SECOND_FILTERS * (side / 2) * (side / 2);
        long pooled = SECOND_FILTERS * (side / 4) * (side / 4);
        return side * side + 3 * first + first / 4 + 6 * second + pooled + 4L * DENSE_UNITS + CLASS_COUNT;
    }

    @Override
    public Block newBlock(int classCount) {
        return new SequentialBlock()
                .add(convolution(FIRST_FILTERS))
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(convolution(SECOND_FILTERS))
                .add(convolution(SECOND_FILTERS))
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(DENSE_UNITS).build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock())
                .add(Dropout.builder().optRate(DROPOUT).build())
                .add(Linear.builder().setUnits(classCount).build());
    }

    /** A 3x3 convolution keeping the map's size, then batch normalisation and ReLU. */
    private static Block convolution(int filters) {
        return new SequentialBlock()
                .add(Conv2d.builder()
                        .setKernelShape(new Shape(KERNEL_SIZE, KERNEL_SIZE))
                        .setFilters(filters)
                        .optPadding(new Shape(KERNEL_SIZE / 2, KERNEL_SIZE / 2))
                        .build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock());
    }
}
