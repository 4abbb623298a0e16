package dev.mnistlab.train;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import dev.mnistlab.eval.Evaluation;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a running training stands, as mnistlab's own listeners read it: DJL's {@code
 * TrainingListener} hands them the trainer and the batch, and they take the epoch, the running
 * score and the result so far from here. Written by the training thread only.
 */
final class TrainingState {

    final Model model;
    final Model kept;
    final StatefulOptimizer optimizer;
    final List<Parameter> parameters;
    final int epochs;
    final List<EpochMetrics> finished;
    int epoch;
    int batch;
    int batches;
    Evaluation soFar;
    TrainingResult result;

    /**
     * @param model the model trained
     * @param kept the model the run keeps: {@code model} itself, or a copy of its best epoch's
     *     parameters when the run keeps the best
     */
    TrainingState(Model model, Model kept, StatefulOptimizer optimizer, int epochs, List<EpochMetrics> completed) {
        this.model = model;
        this.kept = kept;
        this.optimizer = optimizer;
        this.parameters = StatefulOptimizer.parametersOf(model);
        this.epochs = epochs;
        this.finished = new ArrayList<>(completed);
    }

    /** Returns the figures of the epoch that just ended. */
    EpochMetrics lastEpoch() {
        return finished.get(finished.size() - 1);
    }

    /**
     * Copies the trained parameters into the kept model if the epoch that just ended is the one the
     * run keeps so far; nothing to do when the kept model is the trained one.
     */
    void keepIfBest(ValidationPlan plan) {
        if (kept == model || plan.keptEpoch(finished) != finished.size()) {
            return;
        }
        ParameterCopy.copy(model, kept.getBlock().getParameters(), 0);
    }

    /** Returns the run as it stands, for a checkpoint: it owns nothing and must not be closed. */
    TrainedModel soFar() {
        return new TrainedModel(kept, model, optimizer, result);
    }
}
