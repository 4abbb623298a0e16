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
 */
public final class SoftmaxCrossEntropy extends Loss {

    private static final int CLASS_AXIS = 1;

    private final Loss fallback = Loss.softmaxCrossEntropyLoss();
    private volatile Boolean gathers;

    /** Creates the loss, named like DJL's. */
    public SoftmaxCrossEntropy() {
        super("SoftmaxCrossEntropyLoss");
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
}
