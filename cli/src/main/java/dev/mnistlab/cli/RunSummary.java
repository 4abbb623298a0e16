package dev.mnistlab.cli;

import dev.mnistlab.Plural;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.data.DataSource;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.model.BatchNormCnnArchitecture;
import dev.mnistlab.model.MlpArchitecture;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.SpecWords;
import dev.mnistlab.train.TrainingResult;
import dev.mnistlab.train.TrainingSpec;
import dev.mnistlab.train.ValidationPlan;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lines {@code train} prints before it starts, so a log says what was run, and the line that
 * says which epoch a validated run ended with.
 */
final class RunSummary {

    private RunSummary() {}

    static String describe(TrainingSpec spec, Backend backend, DatasetSplits splits) {
        int classes = splits.classNames().size();
        String architecture = spec.architecture() instanceof MlpArchitecture mlp
                ? "mlp 784-" + mlp.hidden().stream().map(String::valueOf).collect(Collectors.joining("-")) + "-"
                        + classes
                : spec.architecture() instanceof BatchNormCnnArchitecture
                        ? "cnn-bn conv3x3x32-pool-conv3x3x64-conv3x3x64-pool-256-dropout-" + classes
                        : "cnn conv5x5x32-pool-conv5x5x64-pool-1024-" + classes;
        String data = splits.source().format().equals(DataSource.IMAGE_FOLDERS)
                ? "the image folders '" + splits.source().name() + "', " + classes + " classes " + splits.classNames()
                : spec.dataset().id();
        String hyperParameters = SpecWords.settings(spec.optimizer().hyperParameters());
        ValidationPlan plan = spec.validation();
        int validating = plan.validates()
                ? (int) Math.round(plan.fraction() * splits.train().size())
                : 0;
        return String.format(
                        Locale.ROOT,
                        "Training %s on %s (%,d train%s / %,d test images from %s)%n"
                                + "  engine %s, %s (%s), batch %d, %s%s, seed %d, threads %s",
                        architecture,
                        data,
                        splits.train().size() - validating,
                        validating > 0 ? String.format(Locale.ROOT, " + %,d validation", validating) : "",
                        splits.test().size(),
                        splits.source().folder(),
                        backend.name(),
                        spec.optimizer().name(),
                        hyperParameters,
                        spec.batchSize(),
                        Plural.count(spec.epochs(), "epoch"),
                        spec.limitBatches() > 0
                                ? " of at most " + Plural.count(spec.limitBatches(), "batch", "batches")
                                : "",
                        spec.seed(),
                        spec.threads())
                + controls(spec);
    }

    /** Describes the schedule, smoothing and validation plan, on a line of their own; empty if all are off. */
    private static String controls(TrainingSpec spec) {
        List<String> parts = SpecWords.controls(spec);
        return parts.isEmpty() ? "" : System.lineSeparator() + "  " + String.join(", ", parts);
    }

    /**
     * Says which epoch a run that validates ended with and why it stopped, e.g. {@code "Stopped
     * early after epoch 6 of 8 ...; kept epoch 4 ..."}; empty for a run that does not validate.
     */
    static Optional<String> validationOutcome(TrainingResult result) {
        ValidationPlan plan = result.spec().validation();
        if (!plan.validates()) {
            return Optional.empty();
        }
        EpochMetrics kept = result.kept();
        int best = plan.bestEpoch(result.epochs());
        String figure = "validation " + plan.monitor().id();
        String stop = result.stoppedEarly()
                ? String.format(
                        Locale.ROOT,
                        "Stopped early after epoch %d of %d: the %s has not improved since epoch %d. ",
                        result.epochs().size(),
                        result.spec().epochs(),
                        figure,
                        best)
                : "";
        String which = plan.keep() == ValidationPlan.Keep.BEST
                ? String.format(Locale.ROOT, "epoch %d, the best", kept.epoch())
                : best == kept.epoch()
                        ? String.format(Locale.ROOT, "the last epoch, %d, also the best", kept.epoch())
                        : String.format(Locale.ROOT, "the last epoch, %d (the best was %d)", kept.epoch(), best);
        return Optional.of(String.format(
                Locale.ROOT,
                "%sKept %s: %s %.4f",
                stop,
                which,
                figure,
                plan.monitor().of(kept)));
    }
}
