package dev.mnistlab.train;

import dev.mnistlab.Plural;
import dev.mnistlab.data.Augmentation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A training spec's settings in words, the same in a command's summary and in a comparison's
 * report: {@code "lr schedule one-cycle (peak 0.003), label smoothing 0.1, augmentation: shift 2 px,
 * ..."}.
 */
public final class SpecWords {

    /** Below this a number is written with an exponent: 1E-8, not 0.00000001. */
    private static final double SMALLEST_PLAIN = 1e-4;

    private SpecWords() {}

    /**
     * Describes what a spec changes beyond its model and optimizer: the learning-rate schedule,
     * label smoothing, augmentation and validation plan.
     *
     * @return one phrase per control that is on; empty when all are off
     */
    public static List<String> controls(TrainingSpec spec) {
        List<String> parts = new ArrayList<>();
        if (!(spec.schedule() instanceof LearningRateSchedule.Constant)) {
            Map<String, Double> settings = spec.schedule().settings();
            parts.add("lr schedule " + spec.schedule().name()
                    + (settings.isEmpty() ? "" : " (" + settings(settings) + ")"));
        }
        if (spec.labelSmoothing() > 0) {
            parts.add("label smoothing " + number(spec.labelSmoothing()));
        }
        Augmentation changes = spec.augmentation();
        if (!changes.isNone()) {
            parts.add(String.format(
                    Locale.ROOT,
                    "augmentation: shift %s px, rotate %s deg, scale %s%s",
                    number(changes.maxShift()),
                    number(changes.maxRotation()),
                    number(changes.maxScale()),
                    changes.flip() ? ", flip" : ""));
        }
        ValidationPlan plan = spec.validation();
        if (plan.patience() > 0) {
            parts.add("stop after " + Plural.count(plan.patience(), "epoch") + " without a better validation "
                    + plan.monitor().id());
        }
        if (plan.keep() == ValidationPlan.Keep.BEST) {
            parts.add("keep the best epoch on validation " + plan.monitor().id());
        }
        return parts;
    }

    /** Writes named settings as {@code "a 1, b 0.5"}, sorted by name. */
    public static String settings(Map<String, Double> settings) {
        return settings.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + number(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Writes 10 as {@code 10} (not {@code 1E+1}), 0.001 as {@code 0.001} and 1e-8 as {@code 1E-8}. */
    public static String number(double value) {
        BigDecimal exact = BigDecimal.valueOf(value).stripTrailingZeros();
        return exact.scale() <= 0 || value >= SMALLEST_PLAIN ? exact.toPlainString() : exact.toString();
    }
}
