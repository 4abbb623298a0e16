package dev.mnistlab.train;

import ai.djl.training.tracker.Tracker;
import ai.djl.training.tracker.WarmUpTracker;
import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the learning rate changes over a run, as a value object that builds a DJL {@link Tracker}:
 * the factor the optimizer's rate is multiplied by before each step, from the step's number
 * (counted from 0 over the whole run) alone. Because the rate depends on nothing else, a resumed
 * run takes the same rates as the uninterrupted one.
 *
 * <pre>{@code
 * TrainingSpec spec = TrainingSpec.builder()
 *         .optModel("cnn").optEpochs(10)
 *         .optSchedule(LearningRateSchedule.create("warmup-cosine", null, null, 1.0))
 *         .build();
 * }</pre>
 *
 * <p>Create one with {@link #create}, which fills in defaults and validates every value. The
 * schedules are planned over the spec's epochs (a run stopped early ends part of the way along).
 */
public sealed interface LearningRateSchedule
        permits LearningRateSchedule.Constant,
                LearningRateSchedule.StepDecay,
                LearningRateSchedule.Cosine,
                LearningRateSchedule.WarmupCosine,
                LearningRateSchedule.OneCycle {

    /** Returns the name users type, e.g. {@code warmup-cosine}. */
    String name();

    /** Returns the schedule's settings by name, for reports and {@code model.json}. */
    Map<String, Double> settings();

    /**
     * Builds the tracker of one run.
     *
     * @param stepsPerEpoch optimizer steps in one epoch
     * @param epochs epochs the run is planned for
     * @return the factor of the optimizer's rate before each step, given the step's number from 0
     */
    Tracker tracker(int stepsPerEpoch, int epochs);

    /** The optimizer's rate at every step: the schedule of a run that sets none. */
    record Constant() implements LearningRateSchedule {
        @Override
        public String name() {
            return "constant";
        }

        @Override
        public Map<String, Double> settings() {
            return Map.of();
        }

        @Override
        public Tracker tracker(int stepsPerEpoch, int epochs) {
            return Tracker.fixed(1);
        }
    }

    /**
     * The rate times {@code factor} after every {@code everyEpochs} epochs, as PyTorch's {@code
     * StepLR} with its step counted in epochs.
     *
     * @param everyEpochs epochs between two decays
     * @param factor what each decay multiplies the rate by
     */
    record StepDecay(int everyEpochs, double factor) implements LearningRateSchedule {
        @Override
        public String name() {
            return "step";
        }

        @Override
        public Map<String, Double> settings() {
            return Map.of("stepEpochs", (double) everyEpochs, "decayFactor", factor);
        }

        @Override
        public Tracker tracker(int stepsPerEpoch, int epochs) {
            int period = everyEpochs * stepsPerEpoch;
            return step -> {
                int decays = step / period;
                return (float) Math.pow(factor, decays);
            };
        }
    }

    /** Half a cosine from the optimizer's rate down to 0 over the run (DJL's {@code CosineTracker}). */
    record Cosine() implements LearningRateSchedule {
        @Override
        public String name() {
            return "cosine";
        }

        @Override
        public Map<String, Double> settings() {
            return Map.of();
        }

        @Override
        public Tracker tracker(int stepsPerEpoch, int epochs) {
            return cosine(1, 0, stepsPerEpoch * epochs);
        }
    }

    /**
     * A linear rise from 0 to the optimizer's rate over the first {@code warmupEpochs}, then half a
     * cosine down to 0 over the rest (DJL's {@code WarmUpTracker} around its {@code CosineTracker}).
     *
     * @param warmupEpochs epochs of the rise; a fraction is allowed
     */
    record WarmupCosine(double warmupEpochs) implements LearningRateSchedule {
        @Override
        public String name() {
            return "warmup-cosine";
        }

        @Override
        public Map<String, Double> settings() {
            return Map.of("warmupEpochs", warmupEpochs);
        }

        @Override
        public void requireFits(int epochs) {
            if (warmupEpochs >= epochs) {
                throw new InvalidInputException(
                        InputField.WARMUP_EPOCHS,
                        "warmupEpochs " + warmupEpochs + " leaves nothing of a run of " + epochs
                                + " epochs to decay over; give fewer warm-up epochs or more epochs");
            }
        }

        @Override
        public Tracker tracker(int stepsPerEpoch, int epochs) {
            int total = stepsPerEpoch * epochs;
            int warmup = Math.min(total - 1, (int) Math.round(warmupEpochs * stepsPerEpoch));
            return warmUp(0, warmup, cosine(1, 0, total - warmup));
        }
    }

    /**
     * Leslie Smith's one-cycle policy as PyTorch's {@code OneCycleLR} shapes it by default, without
     * the momentum cycle: from a 25th of the optimizer's rate up to the rate, linearly, over the first
     * 30% of the steps, then half a cosine down to a 10,000th of the start.
     */
    record OneCycle() implements LearningRateSchedule {
        private static final double RISE = 0.3;
        private static final float START_DIVISOR = 25;
        private static final float END_DIVISOR = 1e4f;

        @Override
        public String name() {
            return "one-cycle";
        }

        @Override
        public Map<String, Double> settings() {
            return Map.of();
        }

        @Override
        public Tracker tracker(int stepsPerEpoch, int epochs) {
            int total = stepsPerEpoch * epochs;
            int rise = Math.min(total - 1, (int) Math.round(RISE * total));
            float start = 1 / START_DIVISOR;
            return warmUp(start, rise, cosine(1, start / END_DIVISOR, total - rise));
        }
    }

    /** Returns the schedule names users can type. */
    static String names() {
        return "constant, step, cosine, warmup-cosine, one-cycle";
    }

    /**
     * Builds a schedule from the user's words; a null value takes the default.
     *
     * <p>Defaults: {@code step} decays by 0.1 every epoch; {@code warmup-cosine} warms up over 1
     * epoch.
     *
     * @param name the schedule, or null for {@code constant}
     * @param stepEpochs epochs between decays ({@code step} only)
     * @param decayFactor what each decay multiplies the rate by ({@code step} only)
     * @param warmupEpochs epochs of warm-up ({@code warmup-cosine} only)
     * @throws InvalidInputException if the name is unknown, a value is out of range, or a value is
     *     given that the chosen schedule does not use
     */
    static LearningRateSchedule create(String name, Integer stepEpochs, Double decayFactor, Double warmupEpochs) {
        String kind = name == null ? "constant" : name.toLowerCase(Locale.ROOT);
        LearningRateSchedule schedule = switch (kind) {
            case "constant" -> new Constant();
            case "step" -> new StepDecay(stepEpochs(stepEpochs), decayFactor(decayFactor));
            case "cosine" -> new Cosine();
            case "warmup-cosine" -> new WarmupCosine(warmupEpochs(warmupEpochs));
            case "one-cycle" -> new OneCycle();
            default ->
                throw new InvalidInputException(
                        InputField.LEARNING_RATE_SCHEDULE,
                        "learningRateSchedule '" + name + "' is unknown: choose one of " + names());
        };
        Map<InputField, Object> given = new LinkedHashMap<>();
        given.put(InputField.STEP_EPOCHS, stepEpochs);
        given.put(InputField.DECAY_FACTOR, decayFactor);
        given.put(InputField.WARMUP_EPOCHS, warmupEpochs);
        given.forEach((field, value) -> {
            if (value != null && !schedule.settings().containsKey(field.apiName())) {
                throw new InvalidInputException(
                        field,
                        field.apiName() + " does not apply to the " + kind
                                + " schedule; drop it or choose a schedule that uses it");
            }
        });
        return schedule;
    }

    /**
     * Checks that the schedule fits a run of so many epochs; every schedule does but a warm-up
     * longer than the run.
     *
     * @throws InvalidInputException if it does not
     */
    default void requireFits(int epochs) {}

    private static int stepEpochs(Integer value) {
        int epochs = value == null ? 1 : value;
        if (epochs < 1 || epochs > TrainingSpec.MAX_EPOCHS) {
            throw new InvalidInputException(
                    InputField.STEP_EPOCHS,
                    "stepEpochs must be between 1 and " + TrainingSpec.MAX_EPOCHS + ", got " + epochs);
        }
        return epochs;
    }

    private static double decayFactor(Double value) {
        double factor = value == null ? 0.1 : value;
        if (!(factor > 0 && factor < 1)) {
            throw new InvalidInputException(
                    InputField.DECAY_FACTOR, "decayFactor must be greater than 0 and less than 1, got " + factor);
        }
        return factor;
    }

    private static double warmupEpochs(Double value) {
        double epochs = value == null ? 1 : value;
        if (!(epochs > 0 && epochs <= TrainingSpec.MAX_EPOCHS)) {
            throw new InvalidInputException(
                    InputField.WARMUP_EPOCHS,
                    "warmupEpochs must be greater than 0 and at most " + TrainingSpec.MAX_EPOCHS + ", got " + epochs);
        }
        return epochs;
    }

    private static Tracker cosine(float from, float to, int steps) {
        return Tracker.cosine()
                .setBaseValue(from)
                .optFinalValue(to)
                .setMaxUpdates(Math.max(1, steps))
                .build();
    }

    private static Tracker warmUp(float from, int steps, Tracker then) {
        return steps == 0
                ? then
                : WarmUpTracker.builder()
                        .optWarmUpBeginValue(from)
                        .optWarmUpSteps(steps)
                        .setMainTracker(then)
                        .build();
    }
}
