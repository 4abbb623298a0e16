package dev.mnistlab.train;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import java.util.List;
import java.util.Locale;

/**
 * What a run holds out of its training set to validate on after every epoch, and what it does with
 * the figures: stop early when they stop improving (Keras' {@code EarlyStopping}), and end with the
 * parameters of the best epoch instead of the last ({@code restore_best_weights}).
 *
 * <pre>{@code
 * ValidationPlan plan = ValidationPlan.create(0.1, "loss", 3, "best");
 * TrainingSpec spec = TrainingSpec.builder().optEpochs(30).optValidation(plan).build();
 * }</pre>
 *
 * <p>The held-out images are drawn with the run's seed ({@link dev.mnistlab.data.ValidationSplit});
 * the test set is never looked at to make these decisions. Every decision is a function of the
 * epochs' figures alone ({@link #bestEpoch}, {@link #stopsAfter}), so a resumed run makes the same
 * ones as the uninterrupted run.
 *
 * @param fraction the share of the training set held out; 0 for none
 * @param monitor the validation figure watched
 * @param patience epochs without improvement after which the run stops; 0 never stops early
 * @param keep whose parameters the run ends with
 */
public record ValidationPlan(double fraction, Monitor monitor, int patience, Keep keep) {

    /** No validation: every epoch is trained and the last is kept. */
    public static final ValidationPlan NONE = new ValidationPlan(0, Monitor.LOSS, 0, Keep.LAST);

    /** The most that can be held out. */
    public static final double MAX_FRACTION = 0.5;

    /** A validation figure, and which way is better. */
    public enum Monitor {
        /** The mean loss on the held-out images; lower is better. */
        LOSS(-1),
        /** The accuracy on the held-out images; higher is better. */
        ACCURACY(1);

        private final int better;

        Monitor(int better) {
            this.better = better;
        }

        /** Returns the figure of an epoch. */
        public double of(EpochMetrics epoch) {
            return this == LOSS ? epoch.validationLoss() : epoch.validationAccuracy();
        }

        /** Returns the name users type: {@code loss} or {@code accuracy}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        private boolean improves(double candidate, double best) {
            return Double.compare(candidate, best) * better > 0;
        }
    }

    /** Which epoch's parameters a run ends with. */
    public enum Keep {
        /** The last epoch's. */
        LAST,
        /** The epoch with the best validation figure (the first of equals). */
        BEST;

        /** Returns the name users type: {@code last} or {@code best}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Validates the plan; the message names the field and its allowed values. */
    public ValidationPlan {
        if (!(fraction >= 0 && fraction <= MAX_FRACTION)) {
            throw fractionOutOfRange(fraction);
        }
        if (patience < 0 || patience > TrainingSpec.MAX_EPOCHS) {
            throw patienceOutOfRange(patience);
        }
        if (monitor == null || keep == null) {
            throw new IllegalArgumentException("monitor and keep are required");
        }
        if (fraction == 0 && patience > 0) {
            throw needsValidation("early stopping");
        }
        if (fraction == 0 && keep == Keep.BEST) {
            throw needsValidation("keeping the best epoch");
        }
    }

    /**
     * Builds a plan from the user's words; a null value takes the default: no validation, monitor
     * {@code loss}, no early stopping, keep {@code last}.
     *
     * @throws InvalidInputException if a value is unknown or out of range, or early stopping or
     *     keeping the best epoch is asked for without a validation fraction
     */
    public static ValidationPlan create(Double fraction, String monitor, Integer patience, String keep) {
        if (fraction != null && !(fraction > 0)) {
            throw fractionOutOfRange(fraction);
        }
        if (patience != null && patience < 1) {
            throw patienceOutOfRange(patience);
        }
        return new ValidationPlan(
                fraction == null ? 0 : fraction,
                monitor == null ? Monitor.LOSS : choice(Monitor.class, InputField.MONITOR, monitor),
                patience == null ? 0 : patience,
                keep == null ? Keep.LAST : choice(Keep.class, InputField.KEEP, keep));
    }

    /** Says whether the run holds images out and validates on them. */
    public boolean validates() {
        return fraction > 0;
    }

    /**
     * Returns the number (from 1) of the epoch with the best validation figure so far, the first of
     * equals; the last epoch when the run does not validate.
     *
     * @param epochs the figures of the epochs so far, at least one
     */
    public int bestEpoch(List<EpochMetrics> epochs) {
        if (!validates()) {
            return epochs.size();
        }
        int best = 0;
        for (int e = 1; e < epochs.size(); e++) {
            if (monitor.improves(monitor.of(epochs.get(e)), monitor.of(epochs.get(best)))) {
                best = e;
            }
        }
        return best + 1;
    }

    /**
     * Returns the number (from 1) of the epoch whose parameters the run ends with.
     *
     * @param epochs the figures of the epochs so far, at least one
     */
    public int keptEpoch(List<EpochMetrics> epochs) {
        return keep == Keep.BEST ? bestEpoch(epochs) : epochs.size();
    }

    /**
     * Says whether the run stops after these epochs: {@code patience} epochs have passed without a
     * better validation figure.
     *
     * @param epochs the figures of the epochs so far
     */
    public boolean stopsAfter(List<EpochMetrics> epochs) {
        return patience > 0 && !epochs.isEmpty() && epochs.size() - bestEpoch(epochs) >= patience;
    }

    private static InvalidInputException fractionOutOfRange(double fraction) {
        return new InvalidInputException(
                InputField.VALIDATION_FRACTION,
                "validationFraction must be above 0 and at most " + MAX_FRACTION + ", got " + fraction);
    }

    private static InvalidInputException patienceOutOfRange(int patience) {
        return new InvalidInputException(
                InputField.PATIENCE, "patience must be between 1 and " + TrainingSpec.MAX_EPOCHS + ", got " + patience);
    }

    private static InvalidInputException needsValidation(String what) {
        return new InvalidInputException(
                InputField.VALIDATION_FRACTION,
                "validationFraction is not set, and " + what + " watches a validation figure; set it (0.1 holds"
                        + " out a tenth of the training set)");
    }

    private static <E extends Enum<E>> E choice(Class<E> type, InputField field, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value)) {
                return constant;
            }
        }
        StringBuilder names = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            names.append(names.length() == 0 ? "" : " or ")
                    .append(constant.name().toLowerCase(Locale.ROOT));
        }
        throw new InvalidInputException(field, field.apiName() + " '" + value + "' is unknown: choose " + names);
    }
}
