package dev.mnistlab.train;

import ai.djl.Model;

/**
 * A trained model and the result of its training run. Owns the model's native memory: close it.
 */
public final class TrainedModel implements AutoCloseable {

    private final Model model;
    private final TrainingResult result;

    TrainedModel(Model model, TrainingResult result) {
        this.model = model;
        this.result = result;
    }

    /** Returns the DJL model; it stays usable until this object is closed. */
    public Model model() {
        return model;
    }

    /** Returns the training run's figures and provenance. */
    public TrainingResult result() {
        return result;
    }

    @Override
    public void close() {
        model.close();
    }
}
