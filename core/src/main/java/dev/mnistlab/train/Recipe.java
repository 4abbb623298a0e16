package dev.mnistlab.train;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.Augmentation;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A complete, tuned training setup, chosen by name ({@code --recipe mnist}): the model, the
 * optimizer and its schedule, the batch size, the epochs, label smoothing and the augmentation,
 * each documented and measured in docs/recipes.md. A recipe fills in what the caller leaves unset,
 * so any of its settings can still be changed ({@link TrainingSpec.Builder#optRecipe}).
 *
 * <pre>{@code
 * TrainingSpec spec = TrainingSpec.builder().optRecipe("fashion-mnist").build();
 * }</pre>
 *
 * <p>Both recipes train the batch-normalised CNN ({@code cnn-bn}) with AdamW on a one-cycle schedule
 * and label smoothing 0.1, sized to finish within 15 minutes on two cores with PyTorch. Digits are
 * shifted, turned and scaled a little (a mirrored digit is another symbol); clothes are shifted and
 * mirrored (a mirrored shirt is a shirt), not turned.
 */
public enum Recipe {
    /** Handwritten digits: MNIST. */
    MNIST("mnist", "mnist", 2, 10, 0.1, false),
    /** Clothes: Fashion-MNIST. */
    FASHION_MNIST("fashion-mnist", "fashion-mnist", 2, 0, 0, true);

    private static final String MODEL = "cnn-bn";
    private static final int EPOCHS = 15;
    private static final int BATCH_SIZE = 128;
    private static final String OPTIMIZER = "adamw";
    private static final double PEAK_LEARNING_RATE = 0.003;
    private static final String SCHEDULE = "one-cycle";
    private static final double LABEL_SMOOTHING = 0.1;

    private final String id;
    private final String dataset;
    private final double shift;
    private final double rotation;
    private final double scale;
    private final boolean flip;

    Recipe(String id, String dataset, double shift, double rotation, double scale, boolean flip) {
        this.id = id;
        this.dataset = dataset;
        this.shift = shift;
        this.rotation = rotation;
        this.scale = scale;
        this.flip = flip;
    }

    /** Returns the name users type. */
    public String id() {
        return id;
    }

    /** Returns the dataset the recipe is tuned for, the spec's default dataset. */
    public String dataset() {
        return dataset;
    }

    /** Returns the recipe's augmentation. */
    public Augmentation augmentation() {
        return new Augmentation(shift, rotation, scale, flip);
    }

    /** Returns the model the recipe trains. */
    public String model() {
        return MODEL;
    }

    /** Returns the recipe's epochs. */
    public int epochs() {
        return EPOCHS;
    }

    /** Returns the recipe's batch size. */
    public int batchSize() {
        return BATCH_SIZE;
    }

    /** Returns the recipe's optimizer. */
    public String optimizer() {
        return OPTIMIZER;
    }

    /** Returns the recipe's learning rate: the peak of its schedule. */
    public double learningRate() {
        return PEAK_LEARNING_RATE;
    }

    /** Returns the recipe's learning-rate schedule. */
    public String schedule() {
        return SCHEDULE;
    }

    /** Returns the recipe's label smoothing. */
    public double labelSmoothing() {
        return LABEL_SMOOTHING;
    }

    /**
     * Returns the recipe with this name.
     *
     * @throws InvalidInputException if there is none
     */
    public static Recipe byId(String id) {
        for (Recipe recipe : values()) {
            if (recipe.id.equals(id.toLowerCase(Locale.ROOT))) {
                return recipe;
            }
        }
        throw new InvalidInputException(
                InputField.RECIPE,
                "recipe '" + id + "' is unknown: choose one of "
                        + Arrays.stream(values()).map(Recipe::id).collect(Collectors.joining(", ")));
    }
}
