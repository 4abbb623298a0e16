package dev.mnistlab.train;

import ai.djl.Model;
import java.io.IOException;

/**
 * Saves a training run after each epoch, so a crash loses at most the epoch in progress.
 *
 * <p>{@code dev.mnistlab.report.RunOutput#checkpointInto} writes the output folder whole each time.
 */
@FunctionalInterface
public interface EpochCheckpoint {

    /** Saves nothing. */
    EpochCheckpoint NONE = (model, optimizer, soFar) -> {};

    /**
     * Called after each epoch's evaluation, on the training thread.
     *
     * @param model the model as it stands; only read it
     * @param optimizer the optimizer, whose state a resumed run needs
     * @param soFar the run's figures up to and including this epoch
     */
    void save(Model model, StatefulOptimizer optimizer, TrainingResult soFar) throws IOException;
}
