package dev.mnistlab.train;

import ai.djl.Model;

/**
 * A trained model, its optimizer's state and the result of its training run. Owns the model's
 * native memory: close it. Save it with {@code RunOutput.save(trained, folder)}; classify with
 * {@code new DigitClassifier(trained.model(), trained.result().spec().dataset().classNames())}.
 */
public final class TrainedModel implements AutoCloseable {

    private final Model model;
    private final StatefulOptimizer optimizer;
    private final TrainingResult result;

    TrainedModel(Model model, StatefulOptimizer optimizer, TrainingResult result) {
        this.model = model;
        this.optimizer = optimizer;
        this.result = result;
    }

    /** Returns the DJL model; it stays usable until this object is closed. */
    public Model model() {
        return model;
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
        model.close();
    }
}
