package dev.mnistlab.cli;

import dev.mnistlab.train.TrainingSpec;
import picocli.CommandLine.Option;

/**
 * The training controls of {@code train}: schedule, label smoothing, augmentation, validation and
 * early stopping.
 */
final class TrainingControlOptions {

    @Option(
            names = "--lr-schedule",
            paramLabel = "NAME",
            description = "How the learning rate changes: constant, step (x --lr-decay every --lr-step-epochs),"
                    + " cosine (down to 0), warmup-cosine (up from 0 over --warmup-epochs, then cosine) or one-cycle"
                    + " (from lr/25 up to lr over 30%% of the steps, then cosine down) (default: constant).")
    String schedule;

    @Option(
            names = "--lr-step-epochs",
            paramLabel = "N",
            description = "step schedule: epochs between two decays (default: 1).")
    Integer stepEpochs;

    @Option(
            names = "--lr-decay",
            paramLabel = "F",
            description = "step schedule: what each decay multiplies the rate by, above 0 and below 1 (default: 0.1).")
    Double decayFactor;

    @Option(
            names = "--warmup-epochs",
            paramLabel = "E",
            description = "warmup-cosine schedule: epochs of warm-up, fractions allowed (default: 1).")
    Double warmupEpochs;

    @Option(
            names = "--label-smoothing",
            paramLabel = "E",
            description = "Spread this share of each training target over all classes, 0 to below 1 (default: 0)."
                    + " Test and validation losses stay unsmoothed.")
    Double labelSmoothing;

    @Option(
            names = "--augment-shift",
            paramLabel = "PX",
            description =
                    "Move each training image by up to PX pixels each way, anew every epoch, 0 to 8" + " (default: 0).")
    Double augmentShift;

    @Option(
            names = "--augment-rotate",
            paramLabel = "DEG",
            description = "Turn each training image by up to DEG degrees either way, 0 to 45 (default: 0).")
    Double augmentRotation;

    @Option(
            names = "--augment-scale",
            paramLabel = "F",
            description = "Grow or shrink each training image by up to F (0.1 is 10%%), 0 to 0.5 (default: 0).")
    Double augmentScale;

    @Option(
            names = "--augment-flip",
            negatable = true,
            description = "Mirror half the training images left to right, anew every epoch: for clothes, not"
                    + " digits (default: off).")
    Boolean augmentFlip;

    @Option(
            names = "--validation",
            paramLabel = "FRACTION",
            description = "Hold this share of the training set out (drawn with --seed) and score it after every"
                    + " epoch, above 0 to 0.5 (default: none). Needed by --patience and --keep best.")
    Double validation;

    @Option(
            names = "--monitor",
            paramLabel = "FIGURE",
            description = "The validation figure --patience and --keep best watch: loss or accuracy (default: loss).")
    String monitor;

    @Option(
            names = "--patience",
            paramLabel = "N",
            description = "Stop early after N epochs without a better validation figure (default: never).")
    Integer patience;

    @Option(
            names = "--keep",
            paramLabel = "WHICH",
            description = "End with the last epoch's parameters or the best on validation: last or best"
                    + " (default: last).")
    String keep;

    /** Puts these settings into a spec builder; unset ones keep the builder's defaults. */
    TrainingSpec.Builder applyTo(TrainingSpec.Builder builder) {
        return builder.optSchedule(schedule)
                .optStepEpochs(stepEpochs)
                .optDecayFactor(decayFactor)
                .optWarmupEpochs(warmupEpochs)
                .optLabelSmoothing(labelSmoothing)
                .optAugmentShift(augmentShift)
                .optAugmentRotation(augmentRotation)
                .optAugmentScale(augmentScale)
                .optAugmentFlip(augmentFlip)
                .optValidationFraction(validation)
                .optMonitor(monitor)
                .optPatience(patience)
                .optKeep(keep);
    }
}
