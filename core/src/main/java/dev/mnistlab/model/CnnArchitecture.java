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
    public Block newBlock() {
        return new SequentialBlock()
                .add(convolution(32))
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(convolution(64))
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(1024).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(CLASS_COUNT).build());
    }

    private static Block convolution(int filters) {
        return Conv2d.builder()
                .setKernelShape(new Shape(5, 5))
                .setFilters(filters)
                .optPadding(new Shape(2, 2))
                .build();
    }
}
