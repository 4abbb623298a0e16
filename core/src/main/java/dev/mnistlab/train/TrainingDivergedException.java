package dev.mnistlab.train;

import dev.mnistlab.InvalidInputException;

/**
 * A training stopped because its loss stopped being a finite number: the settings make it diverge
 * (a learning rate too high for the model, momentum close to 1). The run ends at the first such
 * batch; its model is closed, and a checkpoint, if one was written, holds the last complete epoch,
 * whose loss was finite.
 */
public final class TrainingDivergedException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    /** The epochs completed (and checkpointed) before the loss diverged. */
    private final int completedEpochs;

    TrainingDivergedException(int epoch, int batch, int completedEpochs) {
        super("training diverged: the loss stopped being a finite number in epoch " + epoch + " at batch " + batch
                + "; lower the learning rate (or the momentum) and train again");
        this.completedEpochs = completedEpochs;
    }

    /** Returns the epochs completed before the loss diverged, which a checkpoint holds. */
    public int completedEpochs() {
        return completedEpochs;
    }
}
