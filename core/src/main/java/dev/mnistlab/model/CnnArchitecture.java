package dev.mnistlab.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

/**
 * The convolutional network of the seed tutorial (TensorFlow's "Deep MNIST"): conv 5x5x32 (same
 * padding), ReLU, max-pool 2, conv 5x5x64, ReLU, max-pool 2, dense 1024 with ReLU, dense 10.
 */
public record CnnArchitecture() implements Architecture {

    private static final int IMAGE_SIDE = 28;
    private static final int KERNEL_SIZE = 5;
    private static final int FIRST_FILTERS = 32;
    private static final int SECOND_FILTERS = 64;
    private static final int DENSE_UNITS = 1024;

    @Override
    public String name() {
        return "cnn";
    }

    /** PyTorch's default for convolution and linear weights, as in the Python reference benchmark. */
    @Override
    public WeightInit weightInit() {
        return WeightInit.PYTORCH_DEFAULT;
    }

    @Override
    public long forwardFlops() {
        long side = IMAGE_SIDE;
        long firstConvolution = 2L * KERNEL_SIZE * KERNEL_SIZE * 1 * FIRST_FILTERS * side * side;
        long secondConvolution =
                2L * KERNEL_SIZE * KERNEL_SIZE * FIRST_FILTERS * SECOND_FILTERS * (side / 2) * (side / 2);
        long flattened = SECOND_FILTERS * (side / 4) * (side / 4);
        return firstConvolution + secondConvolution + 2L * flattened * DENSE_UNITS + 2L * DENSE_UNITS * CLASS_COUNT;
    }

    @Override
    public long parameterCount(int classCount) {
        long first = (long) KERNEL_SIZE * KERNEL_SIZE * FIRST_FILTERS + FIRST_FILTERS;
        long second = (long) KERNEL_SIZE * KERNEL_SIZE * FIRST_FILTERS * SECOND_FILTERS + SECOND_FILTERS;
        return first + second + largestParameterArray() + DENSE_UNITS + (long) DENSE_UNITS * classCount + classCount;
    }

    /** Each layer's output: convolutions, ReLUs and pools, then the dense layers and their ReLU. */
    @Override
    public long activationsPerImage() {
        long side = IMAGE_SIDE;
        long first = FIRST_FILTERS * side * side;
        long second = SECOND_FILTERS * (side / 2) * (side / 2);
        long pooled = SECOND_FILTERS * (side / 4) * (side / 4);
        return side * side + 2 * first + first / 4 + 2 * second + pooled + 2L * DENSE_UNITS + CLASS_COUNT;
    }

    /** The first dense layer's weights. */
    @Override
    public long largestParameterArray() {
        return (long) SECOND_FILTERS * (IMAGE_SIDE / 4) * (IMAGE_SIDE / 4) * DENSE_UNITS;
    }

    @Override
    public Block newBlock(int classCount) {
        return new SequentialBlock()
                .add(convolution(FIRST_FILTERS))
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(convolution(SECOND_FILTERS))
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(DENSE_UNITS).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(classCount).build());
    }

    private static Block convolution(int filters) {
        return Conv2d.builder()
                .setKernelShape(new Shape(KERNEL_SIZE, KERNEL_SIZE))
                .setFilters(filters)
                .optPadding(new Shape(KERNEL_SIZE / 2, KERNEL_SIZE / 2))
                .build();
    }
}
