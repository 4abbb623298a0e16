package dev.mnistlab.train;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;

/** Tells a {@link TrainingProgress} about a training, as a DJL training listener. */
final class ProgressListener extends TrainingListenerAdapter {

    private final TrainingProgress progress;
    private final TrainingState state;

    ProgressListener(TrainingProgress progress, TrainingState state) {
        this.progress = progress;
        this.state = state;
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        if (state.batch == 1) {
            progress.onEpochStart(state.epoch, state.epochs, state.batches);
        }
        progress.onBatch(state.epoch, state.batch, state.batches, state.soFar);
    }

    @Override
    public void onEpoch(Trainer trainer) {
        progress.onEpochEnd(state.lastEpoch());
    }
}
