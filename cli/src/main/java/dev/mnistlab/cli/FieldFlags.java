package dev.mnistlab.cli;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command line's word for each input core's messages can be about: core speaks of {@code topK},
 * the user typed {@code --top-k}. The one place where API fields become flags.
 */
final class FieldFlags {

    private FieldFlags() {}

    /**
     * Returns the exception's message with its field named as the user typed it in {@code command}:
     * a command whose option takes a list spells it in the plural ({@code compare --engines}).
     */
    static String message(InvalidInputException e, CommandSpec command) {
        return e.field().map(field -> e.messageNaming(flagOf(command, field))).orElse(e.getMessage());
    }

    private static String flagOf(CommandSpec command, InputField field) {
        String flag = flag(field);
        boolean plural = command.findOption(flag) == null && command.findOption(flag + "s") != null;
        return plural ? flag + "s" : flag;
    }

    /** Returns the option that sets a field. */
    static String flag(InputField field) {
        return switch (field) {
            case ARCHITECTURE, MODEL_FOLDER -> "--model";
            case HIDDEN_LAYERS -> "--hidden";
            case DATASET -> "--dataset";
            case DATA_FOLDER -> "--data-dir";
            case ENGINE -> "--engine";
            case DEVICE -> "--device";
            case THREADS -> "--threads";
            case EPOCHS -> "--epochs";
            case BATCH_SIZE -> "--batch-size";
            case LIMIT_BATCHES -> "--limit-batches";
            case OPTIMIZER -> "--optimizer";
            case LEARNING_RATE -> "--learning-rate";
            case RHO -> "--rho";
            case BETA1 -> "--beta1";
            case BETA2 -> "--beta2";
            case EPSILON -> "--epsilon";
            case MOMENTUM -> "--momentum";
            case WEIGHT_DECAY -> "--weight-decay";
            case LEARNING_RATE_SCHEDULE -> "--lr-schedule";
            case STEP_EPOCHS -> "--lr-step-epochs";
            case DECAY_FACTOR -> "--lr-decay";
            case WARMUP_EPOCHS -> "--warmup-epochs";
            case LABEL_SMOOTHING -> "--label-smoothing";
            case AUGMENT_SHIFT -> "--augment-shift";
            case AUGMENT_ROTATION -> "--augment-rotate";
            case AUGMENT_SCALE -> "--augment-scale";
            case RECIPE -> "--recipe";
            case ENSEMBLE -> "--ensemble";
            case VALIDATION_FRACTION -> "--validation";
            case MONITOR -> "--monitor";
            case PATIENCE -> "--patience";
            case KEEP -> "--keep";
            case TOP_K -> "--top-k";
            case CHECKPOINT_FOLDER -> "--resume";
            case OUTPUT_FOLDER -> "--output";
            case MODEL_NAME -> "--model";
            case PORT -> "--port";
            case MAX_BATCH_SIZE -> "--max-batch-size";
            case MAX_BATCH_DELAY -> "--max-batch-delay-ms";
            case MAX_QUEUE -> "--max-queue";
            case MAX_BODY_BYTES -> "--max-body-bytes";
            case IDLE_TIMEOUT -> "--idle-timeout-s";
            case STOP_TIMEOUT -> "--stop-timeout-s";
            case MODEL_STORE -> "--model-store";
        };
    }
}
