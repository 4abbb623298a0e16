package dev.mnistlab.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import java.util.List;
import java.util.Locale;

/**
 * A network architecture for 28x28 single-channel images and up to ten classes.
 *
 * <p>Implementations are value objects; {@link #newBlock(int)} builds a new block each time. Blocks
 * output raw class scores (logits); the softmax is part of the loss when training and is applied
 * explicitly when probabilities are wanted.
 */
public sealed interface Architecture
        permits MlpArchitecture, CnnArchitecture, BatchNormCnnArchitecture, EnsembleArchitecture {

    /** The classes of MNIST and Fashion-MNIST, and the most a model predicts. */
    int CLASS_COUNT = 10;

    /**
     * Returns the name users type: {@code mlp}, {@code cnn} or {@code cnn-bn}; {@code ensemble} for
     * several trained models used as one.
     */
    String name();

    /**
     * Builds a new, uninitialised block.
     *
     * @param classCount how many classes it scores: the width of its output layer
     */
    Block newBlock(int classCount);

    /**
     * Makes a model of this architecture on an engine: a new block whose parameters are allocated
     * for 28x28 single-channel images, their values left to an initializer or to loading saved
     * ones.
     *
     * @param classCount how many classes it scores
     * @param device where its parameters live
     * @param engineName the DJL engine, e.g. {@code PyTorch}
     * @return the model, which the caller must close
     */
    default Model newModel(int classCount, Device device, String engineName) {
        Model model = Model.newInstance(name(), device, engineName);
        try {
            model.setBlock(newBlock(classCount));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 28, 28));
            return model;
        } catch (RuntimeException | Error e) {
            model.close();
            throw e;
        }
    }

    /**
     * Returns how the block's weights start; biases start at zero. Each architecture uses the
     * initialisation of the reference it reproduces, since one epoch's accuracy depends on it.
     */
    WeightInit weightInit();

    /**
     * Returns the floating-point operations of one forward pass over one image: two per
     * multiply-add of the convolutions and dense layers (activations, pooling and bias adds are
     * left out, being a rounding error beside them), for ten classes. A training step costs about three times this:
     * the forward pass, and the gradients with respect to inputs and to weights.
     */
    long forwardFlops();

    /**
     * Returns how many values (weights and biases) the block holds.
     *
     * @param classCount the width of its output layer
     */
    long parameterCount(int classCount);

    /** Returns how many values the block's largest parameter array holds. */
    long largestParameterArray();

    /**
     * Returns how many values one image's forward pass produces in all the block's layers (inputs
     * included): what training keeps per image for the backward pass.
     */
    long activationsPerImage();

    /**
     * Returns how many images one forward pass takes when many are scored or classified: the
     * most, a power of two from 16 to 256, whose activations ({@link #activationsPerImage()}) fit
     * in 48 MiB. Larger passes are slower per image, not faster: passes of 1,024 images ran the
     * CNNs 2-6 times and the MLP 2 times slower than the best of 32 to 256 on both engines, as
     * their feature maps outgrow the caches and, at 100 MB each, are mapped fresh from the kernel
     * on every pass (docs/benchmarks.md#images-per-pass).
     */
    default int imagesPerPass() {
        return PassSize.imagesFor(activationsPerImage());
    }

    /** Returns the names users can type, comma-separated. */
    static String names() {
        return "mlp, cnn, cnn-bn";
    }

    /**
     * Builds an architecture from the user's words.
     *
     * @param name {@code mlp}, {@code cnn} or {@code cnn-bn}
     * @param hidden the MLP's hidden layer widths, or an empty list for the default
     * @throws InvalidInputException if the name is unknown or hidden layers are given for a CNN
     */
    static Architecture parse(String name, List<Integer> hidden) {
        String kind = name.toLowerCase(Locale.ROOT);
        if (kind.equals("mlp")) {
            return hidden.isEmpty() ? MlpArchitecture.seed() : new MlpArchitecture(hidden);
        }
        Architecture convolutional = switch (kind) {
            case "cnn" -> new CnnArchitecture();
            case "cnn-bn" -> new BatchNormCnnArchitecture();
            default ->
                throw new InvalidInputException(
                        InputField.ARCHITECTURE, "architecture '" + name + "' is unknown: choose one of " + names());
        };
        if (!hidden.isEmpty()) {
            throw new InvalidInputException(
                    InputField.HIDDEN_LAYERS,
                    "hiddenLayers apply to the mlp architecture only; give none for the " + kind);
        }
        return convolutional;
    }
}
