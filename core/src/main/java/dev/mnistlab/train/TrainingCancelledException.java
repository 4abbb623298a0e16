package dev.mnistlab.train;

import dev.mnistlab.Plural;
import java.util.concurrent.CancellationException;

/**
 * A training stopped before its last epoch because it was cancelled ({@link ClassifierTrainer#cancel}
 * or an interrupt of the training thread). It stops within one batch; its model is closed, and a
 * checkpoint, if one was written, holds the last complete epoch.
 */
public final class TrainingCancelledException extends CancellationException {

    private static final long serialVersionUID = 1L;

    /** The epochs completed (and checkpointed) before the cancellation. */
    private final int completedEpochs;

    TrainingCancelledException(int epoch, int batch, int completedEpochs) {
        super("training cancelled in epoch " + epoch + " before batch " + batch + "; "
                + Plural.count(completedEpochs, "complete epoch") + " kept by the checkpoint");
        this.completedEpochs = completedEpochs;
    }

    /** Returns the epochs completed before the cancellation, which a checkpoint holds. */
    public int completedEpochs() {
        return completedEpochs;
    }
}
