package dev.mnistlab.cli;

import dev.mnistlab.backend.Backend;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.model.MlpArchitecture;
import dev.mnistlab.train.TrainingSpec;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

/** The line {@code train} prints before it starts, so a log says what was run. */
final class RunSummary {

    private RunSummary() {}

    static String describe(TrainingSpec spec, Backend backend, DatasetSplits splits) {
        int classes = splits.classNames().size();
        String architecture = spec.architecture() instanceof MlpArchitecture mlp
                ? "mlp 784-" + mlp.hidden().stream().map(String::valueOf).collect(Collectors.joining("-")) + "-"
                        + classes
                : "cnn conv5x5x32-pool-conv5x5x64-pool-1024-" + classes;
        String data = splits.classNames().equals(spec.dataset().classNames())
                ? spec.dataset().id()
                : classes + " classes " + splits.classNames();
        String hyperParameters = spec.optimizer().hyperParameters().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + BigDecimal.valueOf(e.getValue()).stripTrailingZeros())
                .collect(Collectors.joining(", "));
        return String.format(
                "Training %s on %s (%d train / %d test images from %s)%n"
                        + "  engine %s, %s (%s), batch %d, %d epoch%s%s, seed %d, threads %s",
                architecture,
                data,
                splits.train().size(),
                splits.test().size(),
                splits.source().folder(),
                backend.name(),
                spec.optimizer().name(),
                hyperParameters,
                spec.batchSize(),
                spec.epochs(),
                spec.epochs() == 1 ? "" : "s",
                spec.limitBatches() > 0 ? " of at most " + spec.limitBatches() + " batches" : "",
                spec.seed(),
                spec.threads());
    }
}
