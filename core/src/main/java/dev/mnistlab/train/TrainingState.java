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
    final StatefulOptimizer optimizer;
    final List<Parameter> parameters;
    final int epochs;
    final List<EpochMetrics> finished;
    int epoch;
    int batch;
    int batches;
    Evaluation soFar;
    TrainingResult result;

    TrainingState(Model model, StatefulOptimizer optimizer, int epochs, List<EpochMetrics> completed) {
        this.model = model;
        this.optimizer = optimizer;
        this.parameters = StatefulOptimizer.parametersOf(model);
        this.epochs = epochs;
        this.finished = new ArrayList<>(completed);
    }

    /** Returns the figures of the epoch that just ended. */
    EpochMetrics lastEpoch() {
        return finished.get(finished.size() - 1);
    }
}
