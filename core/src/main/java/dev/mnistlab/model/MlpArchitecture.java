package dev.mnistlab.model;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import java.util.List;

/**
 * A multi-layer perceptron: flatten, then one ReLU-activated dense layer per hidden width, then a
 * dense layer of ten class scores. The seed tutorial's network is {@code hidden = [32]}.
 *
 * @param hidden the widths of the hidden layers, input side first; each 1 to {@value #MAX_WIDTH}
 */
public record MlpArchitecture(List<Integer> hidden) implements Architecture {

    private static final long INPUTS = 28 * 28;

    /** The widest hidden layer accepted. */
    public static final int MAX_WIDTH = 65_536;

    /** The most values one weight array may hold: a Java array's limit, which DJL's copies share. */
    public static final long MAX_ARRAY_VALUES = Integer.MAX_VALUE - 8;

    /** The number of hidden layers accepted at most. */
    public static final int MAX_LAYERS = 16;

    /** Validates and copies the widths. */
    public MlpArchitecture {
        hidden = List.copyOf(hidden);
        if (hidden.size() > MAX_LAYERS) {
            throw new InvalidInputException(
                    InputField.HIDDEN_LAYERS, "hiddenLayers: at most " + MAX_LAYERS + " allowed, got " + hidden.size());
        }
        long inputs = INPUTS;
        for (int width : hidden) {
            if (width < 1 || width > MAX_WIDTH) {
                throw new InvalidInputException(
                        InputField.HIDDEN_LAYERS,
                        "hiddenLayers: widths must be between 1 and " + MAX_WIDTH + ", got " + width);
            }
            if (inputs * width > MAX_ARRAY_VALUES) {
                throw new InvalidInputException(
                        InputField.HIDDEN_LAYERS,
                        "hiddenLayers: a layer of " + width + " after one of " + inputs + " has " + inputs * width
                                + " weights, more than one array may hold (" + MAX_ARRAY_VALUES
                                + "); make one of them narrower");
            }
            inputs = width;
        }
    }

    /** Returns the seed tutorial's MLP: 784 -> 32 (ReLU) -> 10. */
    public static MlpArchitecture seed() {
        return new MlpArchitecture(List.of(32));
    }

    @Override
    public String name() {
        return "mlp";
    }

    /** Keras' default for dense kernels, as in the seed tutorial. */
    @Override
    public WeightInit weightInit() {
        return WeightInit.GLOROT_UNIFORM;
    }

    @Override
    public long forwardFlops() {
        long flops = 0;
        long inputs = INPUTS;
        for (int width : hidden) {
            flops += 2 * inputs * width;
            inputs = width;
        }
        return flops + 2 * inputs * CLASS_COUNT;
    }

    @Override
    public long parameterCount(int classCount) {
        long count = 0;
        long inputs = INPUTS;
        for (int width : hidden) {
            count += inputs * width + width;
            inputs = width;
        }
        return count + inputs * classCount + classCount;
    }

    /** The input, and each hidden layer before and after its ReLU, and the class scores. */
    @Override
    public long activationsPerImage() {
        long values = INPUTS + CLASS_COUNT;
        for (int width : hidden) {
            values += 2L * width;
        }
        return values;
    }

    @Override
    public long largestParameterArray() {
        long largest = 0;
        long inputs = INPUTS;
        for (int width : hidden) {
            largest = Math.max(largest, inputs * width);
            inputs = width;
        }
        return Math.max(largest, inputs * CLASS_COUNT);
    }

    @Override
    public Block newBlock(int classCount) {
        SequentialBlock block = new SequentialBlock().add(Blocks.batchFlattenBlock());
        for (int width : hidden) {
            block.add(Linear.builder().setUnits(width).build()).add(Activation.reluBlock());
        }
        return block.add(Linear.builder().setUnits(classCount).build());
    }
}
