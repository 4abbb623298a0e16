package dev.mnistlab.eval.internal;

import ai.djl.ndarray.NDArray;
import dev.mnistlab.eval.Evaluation;

/**
 * Accumulates loss and correct predictions over batches, in double precision on the Java side.
 *
 * <p>Used by training (on the training batches) and by evaluation (on test batches) so both count
 * the same way. Each {@link #add} reads the batch's scores and loss from the engine (three small
 * copies; predictions are compared on the Java side), which also synchronises asynchronous engines
 * at a batch boundary.
 */
public final class RunningScore {

    private double lossSum;
    private long correct;
    private long count;

    /**
     * Adds one batch.
     *
     * @param logits class scores, shape {@code (n, classes)}
     * @param labels class indices as float32, shape {@code (n)}
     * @param meanLoss the batch's mean loss, a float32 scalar
     * @return the predicted class of each image (the highest score; the first on ties)
     */
    public int[] add(NDArray logits, NDArray labels, NDArray meanLoss) {
        float[] scores = logits.toFloatArray();
        float[] truth = labels.toFloatArray();
        int classes = scores.length / truth.length;
        int[] predicted = new int[truth.length];
        for (int i = 0; i < truth.length; i++) {
            predicted[i] = argMax(scores, i * classes, classes);
            if (predicted[i] == (int) truth[i]) {
                correct++;
            }
        }
        lossSum += (double) meanLoss.getFloat() * truth.length;
        count += truth.length;
        return predicted;
    }

    private static int argMax(float[] values, int offset, int length) {
        int best = 0;
        for (int i = 1; i < length; i++) {
            if (values[offset + i] > values[offset + best]) {
                best = i;
            }
        }
        return best;
    }

    /** Returns the number of images added so far. */
    public long count() {
        return count;
    }

    /** Returns the mean loss and accuracy of everything added. */
    public Evaluation result() {
        return count == 0
                ? new Evaluation(Double.NaN, Double.NaN, 0)
                : new Evaluation(lossSum / count, (double) correct / count, count);
    }
}
