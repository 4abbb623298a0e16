package dev.mnistlab.compare;

import dev.mnistlab.machine.MachineInfo;
import dev.mnistlab.testing.SampleResults;
import dev.mnistlab.train.TrainingSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Plans, requests and figures for the comparison tests, without any training. */
final class CompareFixtures {

    static final MachineInfo MACHINE = SampleResults.MACHINE;

    private CompareFixtures() {}

    static ComparePlan plan(List<String> engines, List<String> models, int repeat) {
        List<TrainingSpec> specs = models.stream()
                .map(model -> TrainingSpec.builder()
                        .optModel(model)
                        .optLimitBatches(1)
                        .build())
                .toList();
        return new ComparePlan(engines, specs, Path.of("data"), repeat);
    }

    static CompareContext context() {
        return new CompareContext(MACHINE, "mnistlab compare --test", Instant.parse("2026-11-28T12:00:00Z"));
    }

    /** Figures derived from {@code accuracy}, so tests can tell them apart; peak RSS is unknown ({@code NaN}). */
    static PairFigures figures(PairRequest request, double accuracy, String threads) {
        return new PairFigures(
                request.engine(),
                request.spec().architecture().name(),
                request.repetition(),
                "1.0",
                "0.36.0",
                threads,
                "cpu()",
                accuracy,
                1 - accuracy,
                10 * accuracy,
                1000 * accuracy,
                2000 * accuracy,
                0.1,
                0.02,
                100 * accuracy,
                300 * accuracy,
                50_000 * accuracy,
                5,
                Double.NaN,
                request.spec().architecture().forwardFlops(),
                3.0,
                30.0);
    }
}
