package dev.mnistlab.data;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import java.util.Arrays;
import java.util.Random;

/**
 * A training set divided into the images a run trains on and the images it holds out to validate
 * on, as Keras' {@code validation_split} and PyTorch's {@code random_split} do, but drawn at random
 * with a seed: the same set, fraction and seed hold out the same images on every machine.
 *
 * <pre>{@code
 * ValidationSplit split = ValidationSplit.holdOut(data.train(), 0.1, 42);
 * }</pre>
 *
 * @param train the images trained on, in their order in the whole set
 * @param validation the images held out, in their order in the whole set
 */
public record ValidationSplit(ImageSet train, ImageSet validation) {

    /**
     * Holds out a share of a set, drawn at random.
     *
     * @param set the whole training set
     * @param fraction the share held out, above 0 and below 1
     * @param seed seeds the draw
     * @throws InvalidInputException if either part would hold no image
     */
    public static ValidationSplit holdOut(ImageSet set, double fraction, long seed) {
        int held = (int) Math.round(fraction * set.size());
        if (held < 1 || held >= set.size()) {
            throw new InvalidInputException(
                    InputField.VALIDATION_FRACTION,
                    "validationFraction " + fraction + " of " + set.size() + " training images leaves "
                            + (held < 1 ? "no image to validate on" : "no image to train on")
                            + "; give a fraction that keeps at least one image on each side");
        }
        int[] order = new int[set.size()];
        Arrays.setAll(order, i -> i);
        Random random = new Random(seed);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swapped = order[i];
            order[i] = order[j];
            order[j] = swapped;
        }
        int[] validation = Arrays.copyOf(order, held);
        int[] train = Arrays.copyOfRange(order, held, order.length);
        Arrays.sort(validation);
        Arrays.sort(train);
        return new ValidationSplit(set.select(train), set.select(validation));
    }
}
