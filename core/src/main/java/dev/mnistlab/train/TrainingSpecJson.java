package dev.mnistlab.train;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.mnistlab.data.Augmentation;
import dev.mnistlab.model.MlpArchitecture;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link TrainingSpec} into a JSON object and reads it back through the builder, so a
 * spec read from a file is validated like one typed by a user. Field names: {@code model},
 * {@code hidden} (MLP only), {@code dataset}, {@code plannedEpochs}, {@code batchSize},
 * {@code optimizer} (name and hyper-parameters), {@code seed}, {@code limitBatches},
 * {@code deviceChoice}, {@code threads} ({@code "auto"} or a count; absent in folders written before
 * it existed, which read as auto), {@code schedule} (name and settings), {@code labelSmoothing},
 * {@code augmentation} ({@code shift}, {@code rotation}, {@code scale}, {@code flip}) and {@code validation} ({@code fraction}, {@code monitor}, {@code patience}, {@code keep}); these
 * are absent in folders written before they existed and read as their defaults.
 */
public final class TrainingSpecJson {

    private static final Gson GSON = new Gson();

    private TrainingSpecJson() {}

    /** Adds the spec's fields to a JSON object. */
    public static void write(TrainingSpec spec, JsonObject json) {
        json.addProperty("model", spec.architecture().name());
        if (spec.architecture() instanceof MlpArchitecture mlp) {
            json.add("hidden", GSON.toJsonTree(mlp.hidden()));
        }
        json.addProperty("dataset", spec.dataset().id());
        json.addProperty("plannedEpochs", spec.epochs());
        json.addProperty("seed", spec.seed());
        json.addProperty("batchSize", spec.batchSize());
        json.addProperty("limitBatches", spec.limitBatches());
        json.addProperty("deviceChoice", spec.device().toString());
        json.addProperty("threads", spec.threads().toString());
        JsonObject optimizer = new JsonObject();
        optimizer.addProperty("name", spec.optimizer().name());
        spec.optimizer().hyperParameters().forEach(optimizer::addProperty);
        json.add("optimizer", optimizer);
        JsonObject schedule = new JsonObject();
        schedule.addProperty("name", spec.schedule().name());
        spec.schedule().settings().forEach(schedule::addProperty);
        json.add("schedule", schedule);
        json.addProperty("labelSmoothing", spec.labelSmoothing());
        Augmentation changes = spec.augmentation();
        JsonObject augmentation = new JsonObject();
        augmentation.addProperty("shift", changes.maxShift());
        augmentation.addProperty("rotation", changes.maxRotation());
        augmentation.addProperty("scale", changes.maxScale());
        augmentation.addProperty("flip", changes.flip());
        json.add("augmentation", augmentation);
        ValidationPlan plan = spec.validation();
        JsonObject validation = new JsonObject();
        validation.addProperty("fraction", plan.fraction());
        validation.addProperty("monitor", plan.monitor().id());
        validation.addProperty("patience", plan.patience());
        validation.addProperty("keep", plan.keep().id());
        json.add("validation", validation);
    }

    /**
     * Reads a spec written by {@link #write}.
     *
     * @throws dev.mnistlab.InvalidInputException if a value is out of range
     * @throws RuntimeException (Gson's or a null pointer) if a field is missing or of the wrong type
     */
    public static TrainingSpec read(JsonObject json) {
        List<Integer> hidden = new ArrayList<>();
        if (json.has("hidden")) {
            for (JsonElement width : json.getAsJsonArray("hidden")) {
                hidden.add(width.getAsInt());
            }
        }
        JsonObject optimizer = json.getAsJsonObject("optimizer");
        JsonObject schedule = json.has("schedule") ? json.getAsJsonObject("schedule") : new JsonObject();
        JsonObject augmentation = json.has("augmentation") ? json.getAsJsonObject("augmentation") : new JsonObject();
        JsonObject validation = json.has("validation") ? json.getAsJsonObject("validation") : new JsonObject();
        Double fraction = number(validation, "fraction");
        Double patience = number(validation, "patience");
        Double stepEpochs = number(schedule, "stepEpochs");
        return TrainingSpec.builder()
                .optModel(json.get("model").getAsString())
                .optHidden(hidden)
                .optDataset(json.get("dataset").getAsString())
                .optEpochs(json.get("plannedEpochs").getAsInt())
                .optSeed(json.get("seed").getAsInt())
                .optBatchSize(json.get("batchSize").getAsInt())
                .optLimitBatches(json.get("limitBatches").getAsInt())
                .optDevice(json.get("deviceChoice").getAsString())
                .optThreads(json.has("threads") ? json.get("threads").getAsString() : null)
                .optOptimizer(optimizer.get("name").getAsString())
                .optLearningRate(number(optimizer, "learningRate"))
                .optRho(number(optimizer, "rho"))
                .optBeta1(number(optimizer, "beta1"))
                .optBeta2(number(optimizer, "beta2"))
                .optEpsilon(number(optimizer, "epsilon"))
                .optMomentum(number(optimizer, "momentum"))
                .optWeightDecay(number(optimizer, "weightDecay"))
                .optSchedule(text(schedule, "name"))
                .optStepEpochs(stepEpochs == null ? null : stepEpochs.intValue())
                .optDecayFactor(number(schedule, "decayFactor"))
                .optWarmupEpochs(number(schedule, "warmupEpochs"))
                .optLabelSmoothing(number(json, "labelSmoothing"))
                .optAugmentShift(number(augmentation, "shift"))
                .optAugmentRotation(number(augmentation, "rotation"))
                .optAugmentScale(number(augmentation, "scale"))
                .optAugmentFlip(
                        augmentation.has("flip") && augmentation.get("flip").getAsBoolean())
                .optValidationFraction(fraction == null || fraction == 0 ? null : fraction)
                .optMonitor(text(validation, "monitor"))
                .optPatience(patience == null || patience == 0 ? null : patience.intValue())
                .optKeep(text(validation, "keep"))
                .build();
    }

    private static String text(JsonObject json, String field) {
        return json.has(field) ? json.get(field).getAsString() : null;
    }

    private static Double number(JsonObject json, String field) {
        return json.has(field) ? json.get(field).getAsDouble() : null;
    }
}
