package dev.mnistlab.train;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Saves a training through an {@link EpochCheckpoint} after every epoch, as a DJL training listener. */
final class CheckpointListener extends TrainingListenerAdapter {

    private final EpochCheckpoint checkpoint;
    private final TrainingState state;

    CheckpointListener(EpochCheckpoint checkpoint, TrainingState state) {
        this.checkpoint = checkpoint;
        this.state = state;
    }

    @Override
    public void onEpoch(Trainer trainer) {
        try {
            checkpoint.save(state.soFar());
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the epoch's checkpoint: " + e.getMessage(), e);
        }
    }
}
