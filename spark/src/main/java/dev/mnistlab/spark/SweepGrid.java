package dev.mnistlab.spark;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.backend.ComputeThreads;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.files.InputFiles;
import dev.mnistlab.files.JsonText;
import dev.mnistlab.train.Recipe;
import dev.mnistlab.train.TrainingSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A grid of training settings for a sweep: every engine with every model, optimizer, learning rate
 * and seed, each trained with the same epochs, batch size, batch limit, dataset, recipe and thread
 * count. A recipe ({@link Recipe}) fills in what the grid leaves unset: its schedule, label
 * smoothing and augmentation always, and its model, optimizer, epochs and batch size where the grid
 * gives none, so the seeds of a recipe are an ensemble's members trained in parallel.
 *
 * <pre>{@code
 * SweepGrid grid = new SweepGrid(List.of("pytorch", "mxnet"), List.of("mlp"), List.of("rmsprop", "adam"),
 *         List.of(0.001, 0.0005), List.of(1, 2), 1, null, null, "mnist", null, 1);
 * }</pre>
 *
 * @param engines the engines, e.g. {@code pytorch}
 * @param models the models, e.g. {@code mlp}
 * @param optimizers the optimizers, e.g. {@code rmsprop}; empty for each model's default
 * @param learningRates the learning rates; empty for each optimizer's default
 * @param seeds the seeds
 * @param epochs passes over the training set, or null for the model's default
 * @param batchSize images per step, or null for the model's default
 * @param limitBatches batches per epoch, or null for all
 * @param dataset the dataset's name, e.g. {@code mnist}
 * @param recipe the recipe's name, e.g. {@code mnist}, or null for none
 * @param threads the engine's compute threads in each setting's task
 */
public record SweepGrid(
        List<String> engines,
        List<String> models,
        List<String> optimizers,
        List<Double> learningRates,
        List<Integer> seeds,
        Integer epochs,
        Integer batchSize,
        Integer limitBatches,
        String dataset,
        String recipe,
        int threads) {

    /** The largest grid file read. */
    static final long MAX_FILE_BYTES = 1 << 20;

    /** The most settings a sweep trains. */
    public static final int MAX_SETTINGS = 10_000;

    /** Checks the grid: engines, models and seeds not empty, and no value twice. */
    public SweepGrid {
        engines = distinct(engines, "engines", false);
        models = distinct(models, "models", false);
        optimizers = distinct(optimizers, "optimizers", true);
        learningRates = distinct(learningRates, "learningRates", true);
        seeds = distinct(seeds, "seeds", false);
        long settings = (long) engines.size()
                * models.size()
                * Math.max(1, optimizers.size())
                * Math.max(1, learningRates.size())
                * seeds.size();
        if (settings > MAX_SETTINGS) {
            throw new InvalidInputException(
                    "the grid has " + settings + " settings; a sweep trains at most " + MAX_SETTINGS);
        }
    }

    /**
     * Reads a grid from a JSON file such as {@code {"engines": ["pytorch"], "models": ["mlp"],
     * "optimizers": ["rmsprop", "adam"], "learningRates": [0.001], "seeds": [1, 2], "epochs": 1}};
     * {@code optimizers}, {@code learningRates}, {@code epochs}, {@code batchSize}, {@code limitBatches},
     * {@code recipe}, {@code dataset} (default the recipe's, else {@code mnist}), {@code models} (with a
     * recipe only: default the recipe's) and {@code threads} (default {@code defaultThreads}) may be left
     * out.
     *
     * @throws InvalidInputException naming the file and the field if it is not such a grid
     */
    public static SweepGrid read(Path file, int defaultThreads) throws IOException {
        JsonObject json = JsonText.parseObject(
                file,
                InputFiles.readOwn(file, MAX_FILE_BYTES, "a sweep grid"),
                "write a JSON object with engines, models, optimizers and seeds");
        try {
            Recipe recipe = json.has("recipe") ? Recipe.byId(json.get("recipe").getAsString()) : null;
            return new SweepGrid(
                    list(json, "engines", JsonElement::getAsString),
                    recipe != null && !json.has("models")
                            ? List.of(recipe.model())
                            : list(json, "models", JsonElement::getAsString),
                    json.has("optimizers") ? list(json, "optimizers", JsonElement::getAsString) : List.of(),
                    json.has("learningRates") ? list(json, "learningRates", JsonElement::getAsDouble) : List.of(),
                    list(json, "seeds", JsonElement::getAsInt),
                    json.has("epochs") ? json.get("epochs").getAsInt() : null,
                    json.has("batchSize") ? json.get("batchSize").getAsInt() : null,
                    json.has("limitBatches") ? json.get("limitBatches").getAsInt() : null,
                    json.has("dataset") ? json.get("dataset").getAsString() : datasetOf(recipe),
                    recipe == null ? null : recipe.id(),
                    json.has("threads") ? json.get("threads").getAsInt() : defaultThreads);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new InvalidInputException(file + ": " + JsonText.fieldProblem(e), e);
        }
    }

    /**
     * Returns one training spec per (model, optimizer, learning rate, seed), in that nesting order.
     *
     * @throws InvalidInputException naming the field if a value is not one training takes
     */
    public List<TrainingSpec> specs() {
        List<TrainingSpec> specs = new ArrayList<>();
        List<Double> rates = learningRates.isEmpty() ? Collections.singletonList(null) : learningRates;
        List<String> optimizerNames = optimizers.isEmpty() ? Collections.singletonList(null) : optimizers;
        for (String model : models) {
            for (String optimizer : optimizerNames) {
                for (Double rate : rates) {
                    for (int seed : seeds) {
                        specs.add(TrainingSpec.builder()
                                .optRecipe(recipe)
                                .optModel(model)
                                .optDataset(dataset)
                                .optOptimizer(optimizer)
                                .optLearningRate(rate)
                                .optSeed(seed)
                                .optEpochs(epochs)
                                .optBatchSize(batchSize)
                                .optLimitBatches(limitBatches)
                                .optThreads(new ComputeThreads(threads))
                                .build());
                    }
                }
            }
        }
        return specs;
    }

    /** Returns the dataset a grid trains on when it names none: the recipe's, else MNIST. */
    public static String datasetOf(Recipe recipe) {
        return recipe == null ? NamedDataset.MNIST.id() : recipe.dataset();
    }

    private static <T> List<T> distinct(List<T> values, String name, boolean mayBeEmpty) {
        List<T> copy = List.copyOf(values);
        if (copy.isEmpty() && !mayBeEmpty) {
            throw new InvalidInputException(name + " is empty; a sweep needs at least one");
        }
        Set<T> seen = new HashSet<>();
        for (T value : copy) {
            if (!seen.add(value)) {
                throw new InvalidInputException(name + " names " + value + " twice");
            }
        }
        return copy;
    }

    private static <T> List<T> list(JsonObject json, String name, Function<JsonElement, T> read) {
        if (!json.has(name) || !json.get(name).isJsonArray()) {
            throw new InvalidInputException("'" + name + "' must be a list of values, such as [1, 2]");
        }
        JsonArray array = json.getAsJsonArray(name);
        List<T> values = new ArrayList<>(array.size());
        array.forEach(element -> values.add(read.apply(element)));
        return values;
    }
}
