package dev.mnistlab.train;

import ai.djl.Model;

/**
 * A trained model, its optimizer's state and the result of its training run. Owns the model's
 * native memory: close it. Save it with {@code RunOutput.save(trained, folder)}; classify with
 * {@code new DigitClassifier(trained.model(), spec.architecture(), spec.dataset().classNames())}, where
 * {@code spec} is {@code trained.result().spec()}.
 */
public final class TrainedModel implements AutoCloseable {

    private final Model model;
    private final Model lastEpochModel;
    private final StatefulOptimizer optimizer;
    private final TrainingResult result;

    TrainedModel(Model model, Model lastEpochModel, StatefulOptimizer optimizer, TrainingResult result) {
        this.model = model;
        this.lastEpochModel = lastEpochModel;
        this.optimizer = optimizer;
        this.result = result;
    }

    /**
     * Returns the DJL model the run ended with: the last epoch's, or the best epoch's when the run
     * keeps the best ({@link ValidationPlan.Keep#BEST}). It stays usable until this object is closed.
     */
    public Model model() {
        return model;
    }

    /**
     * Returns the model as the last epoch left it, which a resumed run continues from: the same
     * object as {@link #model()} unless the run keeps its best epoch.
     */
    public Model lastEpochModel() {
        return lastEpochModel;
    }

    /** Returns the optimizer with its state at the end of training, which a saved run keeps for resuming. */
    public StatefulOptimizer optimizer() {
        return optimizer;
    }

    /** Returns the training run's figures and provenance. */
    public TrainingResult result() {
        return result;
    }

    @Override
    public void close() {
        if (lastEpochModel != model) {
            lastEpochModel.close();
        }
        model.close();
    }
}
