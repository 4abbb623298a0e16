package dev.mnistlab.cli;

import dev.mnistlab.Plural;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.data.DataSource;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.model.MlpArchitecture;
import dev.mnistlab.train.TrainingSpec;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The line {@code train} prints before it starts, so a log says what was run. */
final class RunSummary {

    /** Smaller values are written with an exponent. */
    private static final double SMALLEST_PLAIN = 1e-4;

    private RunSummary() {}

    static String describe(TrainingSpec spec, Backend backend, DatasetSplits splits) {
        int classes = splits.classNames().size();
        String architecture = spec.architecture() instanceof MlpArchitecture mlp
                ? "mlp 784-" + mlp.hidden().stream().map(String::valueOf).collect(Collectors.joining("-")) + "-"
                        + classes
                : "cnn conv5x5x32-pool-conv5x5x64-pool-1024-" + classes;
        String data = splits.source().format().equals(DataSource.IMAGE_FOLDERS)
                ? "the image folders '" + splits.source().name() + "', " + classes + " classes " + splits.classNames()
                : spec.dataset().id();
        String hyperParameters = spec.optimizer().hyperParameters().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + number(e.getValue()))
                .collect(Collectors.joining(", "));
        return String.format(
                Locale.ROOT,
                "Training %s on %s (%,d train / %,d test images from %s)%n"
                        + "  engine %s, %s (%s), batch %d, %s%s, seed %d, threads %s",
                architecture,
                data,
                splits.train().size(),
                splits.test().size(),
                splits.source().folder(),
                backend.name(),
                spec.optimizer().name(),
                hyperParameters,
                spec.batchSize(),
                Plural.count(spec.epochs(), "epoch"),
                spec.limitBatches() > 0 ? " of at most " + Plural.count(spec.limitBatches(), "batch", "batches") : "",
                spec.seed(),
                spec.threads());
    }

    /** Writes 10 as {@code 10} (not {@code 1E+1}), 0.001 as {@code 0.001} and 1e-8 as {@code 1E-8}. */
    private static String number(double value) {
        BigDecimal exact = BigDecimal.valueOf(value).stripTrailingZeros();
        return exact.scale() <= 0 || value >= SMALLEST_PLAIN ? exact.toPlainString() : exact.toString();
    }
}
