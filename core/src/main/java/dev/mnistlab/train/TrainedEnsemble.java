package dev.mnistlab.train;

import ai.djl.Model;
import dev.mnistlab.eval.Evaluation;
import dev.mnistlab.model.EnsembleArchitecture;
import java.util.List;

/**
 * Models trained alike from different seeds, put together as one ({@link EnsembleArchitecture}):
 * the ensemble's model, each member's training result and the ensemble's own score on the test
 * set. Owns the model's native memory: close it. Save it with {@code RunOutput.saveEnsemble}.
 */
public final class TrainedEnsemble implements AutoCloseable {

    private final Model model;
    private final EnsembleArchitecture architecture;
    private final List<TrainingResult> members;
    private final Evaluation test;

    TrainedEnsemble(Model model, EnsembleArchitecture architecture, List<TrainingResult> members, Evaluation test) {
        this.model = model;
        this.architecture = architecture;
        this.members = List.copyOf(members);
        this.test = test;
    }

    /** Returns the ensemble as one DJL model; it stays usable until this object is closed. */
    public Model model() {
        return model;
    }

    /** Returns the ensemble's architecture: the members' and their count. */
    public EnsembleArchitecture architecture() {
        return architecture;
    }

    /** Returns each member's training result, in seed order. */
    public List<TrainingResult> members() {
        return members;
    }

    /** Returns the ensemble's loss and accuracy on the test set: its members' averaged probabilities. */
    public Evaluation test() {
        return test;
    }

    @Override
    public void close() {
        model.close();
    }
}
