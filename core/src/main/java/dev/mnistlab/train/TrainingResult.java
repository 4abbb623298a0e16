package dev.mnistlab.train;

import dev.mnistlab.backend.BackendInfo;
import java.time.Instant;
import java.util.List;

/**
 * What a finished training run produced, with the provenance needed to interpret it.
 *
 * @param spec the configuration the run used
 * @param classNames the name of each class the model scores, by label, from the training data
 * @param backend the engine it ran on, with versions
 * @param device the device it computed on, e.g. {@code cpu()}
 * @param epochs the figures of every epoch so far, in order
 * @param finishedAt when the last of those epochs ended
 * @param provenance the mnistlab version, data, threads and machine of the run
 */
public record TrainingResult(
        TrainingSpec spec,
        List<String> classNames,
        BackendInfo backend,
        String device,
        List<EpochMetrics> epochs,
        Instant finishedAt,
        RunProvenance provenance) {

    /** Copies the lists so the record stays immutable. */
    public TrainingResult {
        classNames = List.copyOf(classNames);
        epochs = List.copyOf(epochs);
    }

    /** Returns the total wall time of training, evaluations excluded. */
    public double trainSeconds() {
        return epochs.stream().mapToDouble(EpochMetrics::seconds).sum();
    }

    /** Returns the last epoch's figures: the final evaluation on the test set. */
    public EpochMetrics last() {
        return epochs.get(epochs.size() - 1);
    }

    /**
     * Returns the figures of the epoch whose parameters the run ended with: the last, or the best
     * on validation when the spec keeps the best ({@link ValidationPlan#keptEpoch}).
     */
    public EpochMetrics kept() {
        return epochs.get(spec.validation().keptEpoch(epochs) - 1);
    }

    /** Says whether the run stopped before its planned epochs because validation stopped improving. */
    public boolean stoppedEarly() {
        return epochs.size() < spec.epochs() && spec.validation().stopsAfter(epochs);
    }

    /** Returns the test accuracy of the model the run ended with ({@link #kept()}). */
    public double testAccuracy() {
        return kept().testAccuracy();
    }

    /** Returns the test loss of the model the run ended with ({@link #kept()}). */
    public double testLoss() {
        return kept().testLoss();
    }
}
