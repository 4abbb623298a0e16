package dev.mnistlab.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Accumulates loss and correct predictions over batches, in double precision on the Java side.
 *
 * <p>Used by training (on the training batches) and by evaluation (on test batches) so both count
 * the same way. Each {@link #add} reads two scalars from the engine, which also synchronises
 * asynchronous engines at a batch boundary.
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
     * @param meanLoss the batch's mean loss, a scalar
     */
    public void add(NDArray logits, NDArray labels, NDArray meanLoss) {
        long size = labels.size();
        lossSum += meanLoss.toType(DataType.FLOAT64, false).getDouble() * size;
        correct += (long) logits.argMax(1).toType(DataType.FLOAT32, false).eq(labels)
                .toType(DataType.FLOAT32, false).sum().getFloat();
        count += size;
    }

    /** Returns the number of images added so far. */
    public long count() {
        return count;
    }

    /** Returns the mean loss and accuracy of everything added. */
    public Evaluation result() {
        return count == 0 ? new Evaluation(Double.NaN, Double.NaN, 0)
                : new Evaluation(lossSum / count, (double) correct / count, count);
    }
}
