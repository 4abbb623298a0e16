package dev.mnistlab.train;

import java.io.IOException;

/**
 * Saves a training run after each epoch, so a crash loses at most the epoch in progress.
 *
 * <p>{@code dev.mnistlab.report.RunOutput#checkpointInto} writes the output folder whole each time.
 */
@FunctionalInterface
public interface EpochCheckpoint {

    /** Saves nothing. */
    EpochCheckpoint NONE = soFar -> {};

    /**
     * Called after each epoch's evaluation, on the training thread.
     *
     * @param soFar the run as it stands: the model it keeps so far, the last epoch's model and the
     *     optimizer's state, which a resumed run needs, and its figures up to and including this
     *     epoch; only read it, and do not close it
     */
    void save(TrainedModel soFar) throws IOException;
}
