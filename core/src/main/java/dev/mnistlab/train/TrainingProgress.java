package dev.mnistlab.train;

import dev.mnistlab.eval.Evaluation;

/**
 * Hears about a training run as it goes: for progress bars, logs, or early looks at the metrics.
 *
 * <p>Every method has an empty default, so a listener implements only what it needs. Calls come
 * from the training thread; a slow listener slows training.
 */
public interface TrainingProgress {

    /** A listener that ignores everything. */
    TrainingProgress SILENT = new TrainingProgress() {};

    /**
     * An epoch starts; told just before its first batch is reported.
     *
     * @param epoch the epoch number, from 1
     * @param epochs how many epochs the run has
     * @param batches how many batches this epoch will train on
     */
    default void onEpochStart(int epoch, int epochs, int batches) {}

    /**
     * A batch has been through the model: its forward and backward passes are done and its optimizer
     * step follows, as DJL listeners' {@code onTrainingBatch}.
     *
     * @param epoch the epoch number, from 1
     * @param batch the batch number within the epoch, from 1
     * @param batches how many batches the epoch has
     * @param soFar the epoch's running training loss and accuracy, over the images trained on so far
     */
    default void onBatch(int epoch, int batch, int batches, Evaluation soFar) {}

    /**
     * The epoch's training and its evaluation on the test set are done.
     *
     * @param metrics the epoch's figures
     */
    default void onEpochEnd(EpochMetrics metrics) {}
}
