package dev.mnistlab.infer;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.InputBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Classifies prepared 28x28 images with a loaded model, giving softmax probabilities and the top
 * classes. The model stays owned by the caller; every array made here is freed before returning.
 * Calls are serialised, as they share the native input memory ({@link InputBuffer}); use one
 * classifier per thread for parallel work.
 */
public final class DigitClassifier {

    private static final int PIXELS = MnistPreprocessor.SIZE * MnistPreprocessor.SIZE;

    private final Model model;
    private final List<String> classNames;
    private final InputBuffer input = new InputBuffer();

    /**
     * Creates a classifier.
     *
     * @param model an initialised model whose block outputs class scores
     * @param classNames the name of each class, by index
     */
    public DigitClassifier(Model model, List<String> classNames) {
        this.model = model;
        this.classNames = List.copyOf(classNames);
    }

    /**
     * Checks a top-k request.
     *
     * @throws InvalidInputException if {@code topK} is not between 1 and the number of classes
     */
    public static void requireTopK(int topK, int classCount) {
        if (topK < 1 || topK > classCount) {
            throw new InvalidInputException("--top-k must be between 1 and " + classCount + ", got " + topK);
        }
    }

    /**
     * Classifies images.
     *
     * @param images each 784 values in [0, 1] as {@link MnistPreprocessor} makes them
     * @param topK how many classes to rank per image
     * @return one prediction per image, in order
     */
    public synchronized List<Prediction> classify(List<float[]> images, int topK) {
        requireTopK(topK, classNames.size());
        if (images.isEmpty()) {
            return List.of();
        }
        float[] batch = new float[images.size() * PIXELS];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, batch, i * PIXELS, PIXELS);
        }
        float[] probabilities;
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDArray pixels = input.toArray(manager, batch, new Shape(images.size(), 1, MnistPreprocessor.SIZE,
                    MnistPreprocessor.SIZE));
            NDList logits = model.getBlock().forward(new ParameterStore(manager, false), new NDList(pixels), false);
            probabilities = logits.singletonOrThrow().softmax(1).toFloatArray();
        }
        List<Prediction> predictions = new ArrayList<>(images.size());
        int classes = classNames.size();
        for (int i = 0; i < images.size(); i++) {
            float[] row = Arrays.copyOfRange(probabilities, i * classes, (i + 1) * classes);
            predictions.add(new Prediction(IntStream.range(0, classes).boxed()
                    .sorted(Comparator.comparingDouble((Integer c) -> row[c]).reversed())
                    .limit(topK)
                    .map(c -> new Prediction.RankedClass(c, classNames.get(c), row[c]))
                    .toList()));
        }
        return predictions;
    }
}
