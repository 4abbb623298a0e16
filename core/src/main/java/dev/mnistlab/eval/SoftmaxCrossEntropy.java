package dev.mnistlab.eval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;

/**
 * The mean softmax cross-entropy of class scores against class indices: the figure DJL's {@code
 * SoftmaxCrossEntropyLoss} gives with its defaults, in fewer engine calls.
 *
 * <p>DJL picks each image's log-probability through its general indexing, which on PyTorch builds
 * an index object, clones and queries shapes in a dozen native calls; here it is one {@code gather}.
 * Engines without {@code gather} (MXNet) get DJL's pick, decided once, on the first batch.
 *
 * <p>With label smoothing {@code e} (Szegedy et al.; PyTorch's {@code label_smoothing}), the target
 * of an image of class {@code y} among {@code K} is {@code 1 - e + e/K} for {@code y} and {@code
 * e/K} for every other class: the loss is {@code -((1 - e) log p_y + e * mean_k log p_k)}.
 */
public final class SoftmaxCrossEntropy extends Loss {

    private static final int CLASS_AXIS = 1;

    private final Loss fallback = Loss.softmaxCrossEntropyLoss();
    private final float smoothing;
    private volatile Boolean gathers;

    /** Creates the loss, named like DJL's, without label smoothing. */
    public SoftmaxCrossEntropy() {
        this(0);
    }

    /**
     * Creates the loss with label smoothing.
     *
     * @param smoothing the share of each target spread evenly over all classes, 0 (none) to below 1
     */
    public SoftmaxCrossEntropy(double smoothing) {
        super("SoftmaxCrossEntropyLoss");
        this.smoothing = (float) smoothing;
    }

    /**
     * Returns the mean loss of a batch.
     *
     * @param labels class indices, shape {@code (n)}, any numeric type
     * @param predictions class scores (logits), shape {@code (n, classes)}
     * @return a scalar
     */
    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        if (smoothing > 0) {
            return smoothed(labels.singletonOrThrow(), predictions.singletonOrThrow());
        }
        if (Boolean.FALSE.equals(gathers)) {
            return fallback.evaluate(labels, predictions);
        }
        NDArray logits = predictions.singletonOrThrow();
        NDArray classes =
                labels.singletonOrThrow().toType(DataType.INT64, false).reshape(-1, 1);
        NDArray logProbabilities = logits.logSoftmax(CLASS_AXIS);
        try {
            NDArray picked = logProbabilities.gather(classes, CLASS_AXIS);
            gathers = true;
            return picked.mean().neg();
        } catch (UnsupportedOperationException noGather) {
            gathers = false;
            return fallback.evaluate(labels, predictions);
        }
    }

    private NDArray smoothed(NDArray labels, NDArray logits) {
        int classes = Math.toIntExact(logits.getShape().get(CLASS_AXIS));
        NDArray targets = labels.toType(DataType.INT64, false)
                .oneHot(classes)
                .muli(1 - smoothing)
                .addi(smoothing / classes);
        return logits.logSoftmax(CLASS_AXIS)
                .mul(targets)
                .sum(new int[] {CLASS_AXIS})
                .mean()
                .neg();
    }
}
