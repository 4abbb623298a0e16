package dev.mnistlab.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.backend.BackendInfo;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.report.MetricsReport;
import dev.mnistlab.testing.Mutations;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.StepPhases;
import dev.mnistlab.train.TrainingCheckpoint;
import dev.mnistlab.train.TrainingResult;
import dev.mnistlab.train.TrainingSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Any {@code model.json} gives a descriptor and a checkpoint, or our own {@link InvalidInputException}:
 * damaged text, and valid JSON with any value swapped for one of another type or an extreme one.
 */
class ModelJsonFuzzTest {

    private static Path folder;

    @BeforeContainer
    static void createFolder() throws IOException {
        folder = Files.createTempDirectory("model-json-fuzz");
        Files.write(folder.resolve(TrainingCheckpoint.STATE_FILE), new byte[16]);
    }

    @AfterContainer
    static void deleteFolder() throws IOException {
        try (var files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** A model.json as training writes it, for a 2-epoch MLP. */
    static JsonObject valid() {
        TrainingSpec spec = TrainingSpec.builder().optHidden(List.of(64, 32)).build();
        EpochMetrics epoch = new EpochMetrics(1, 0.3, 0.9, 0.2, 0.93, 3.0, 20_000, 0.1, StepPhases.none());
        TrainingResult result = new TrainingResult(spec, NamedDataset.MNIST.classNames(), new BackendInfo("pytorch",
                "PyTorch", "0.36.0", "2.7.1", "cpu", List.of("cpu()"), 0, "2"), "cpu()", List.of(epoch, epoch),
                Instant.parse("2026-11-28T12:00:00Z"));
        JsonObject json = new JsonObject();
        json.addProperty("format", ModelFolder.FORMAT);
        JsonObject architecture = new JsonObject();
        architecture.addProperty("name", "mlp");
        architecture.add("hidden", JsonParser.parseString("[64, 32]"));
        json.add("architecture", architecture);
        json.addProperty("dataset", "mnist");
        JsonArray names = new JsonArray();
        NamedDataset.MNIST.classNames().forEach(names::add);
        json.add("classNames", names);
        json.add("training", MetricsReport.toJson(result));
        return json;
    }

    @Provide
    Arbitrary<byte[]> modelJson() {
        JsonObject valid = valid();
        return Arbitraries.oneOf(Mutations.of(valid.toString().getBytes(StandardCharsets.UTF_8)),
                swappedValues(valid).map(json -> json.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Property
    void readsOrSaysWhyNot(@ForAll("modelJson") byte[] text) throws IOException {
        Files.write(folder.resolve(ModelFolder.DESCRIPTOR_FILE), text);
        try {
            ModelDescriptor descriptor = ModelFolder.readDescriptor(folder);
            if (descriptor.classNames().size() < 2 || descriptor.classNames().size() > 10) {
                throw new AssertionError("accepted " + descriptor.classNames().size() + " classes");
            }
        } catch (InvalidInputException expected) {
            return;
        }
        try {
            TrainingCheckpoint.read(folder);
        } catch (InvalidInputException expected) {
            // our own message
        }
    }

    /** Valid JSON with one to three values replaced, wherever they are, by values of any type. */
    private static Arbitrary<JsonObject> swappedValues(JsonObject valid) {
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(valid, new ArrayList<>(), paths);
        Arbitrary<JsonElement> replacement = Arbitraries.oneOf(
                Arbitraries.integers().map(JsonPrimitive::new),
                Arbitraries.of(0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE).map(JsonPrimitive::new),
                Arbitraries.of(1e300, -1e300, Double.MIN_VALUE, 1.5).map(JsonPrimitive::new),
                Arbitraries.just("99999999999999999999999").map(big -> JsonParser.parseString(big)),
                Arbitraries.strings().ofMaxLength(12).map(JsonPrimitive::new),
                Arbitraries.of(true, false).map(JsonPrimitive::new),
                Arbitraries.just(JsonNull.INSTANCE),
                Arbitraries.create(JsonArray::new),
                Arbitraries.create(JsonObject::new));
        Arbitrary<List<Object>> path = Arbitraries.of(paths);
        return Combinators.combine(path.list().ofMinSize(1).ofMaxSize(3), replacement.list().ofSize(3))
                .as((chosen, values) -> {
                    JsonObject copy = valid.deepCopy();
                    for (int i = 0; i < chosen.size(); i++) {
                        replace(copy, chosen.get(i), values.get(i).deepCopy());
                    }
                    return copy;
                });
    }

    private static void collectPaths(JsonElement element, List<Object> prefix, List<List<Object>> paths) {
        if (!prefix.isEmpty()) {
            paths.add(List.copyOf(prefix));
        }
        if (element.isJsonObject()) {
            for (String key : element.getAsJsonObject().keySet()) {
                prefix.add(key);
                collectPaths(element.getAsJsonObject().get(key), prefix, paths);
                prefix.remove(prefix.size() - 1);
            }
        } else if (element.isJsonArray()) {
            for (int i = 0; i < element.getAsJsonArray().size(); i++) {
                prefix.add(i);
                collectPaths(element.getAsJsonArray().get(i), prefix, paths);
                prefix.remove(prefix.size() - 1);
            }
        }
    }

    /** Replaces the value at {@code path}, unless an earlier replacement removed the path. */
    private static void replace(JsonObject root, List<Object> path, JsonElement value) {
        JsonElement parent = root;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = child(parent, step);
            if (parent == null) {
                return;
            }
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof String key && parent.isJsonObject()) {
            parent.getAsJsonObject().add(key, value);
        } else if (last instanceof Integer index && parent.isJsonArray() && index < parent.getAsJsonArray().size()) {
            parent.getAsJsonArray().set(index, value);
        }
    }

    private static JsonElement child(JsonElement parent, Object step) {
        if (step instanceof String key && parent.isJsonObject()) {
            return parent.getAsJsonObject().get(key);
        }
        if (step instanceof Integer index && parent.isJsonArray() && index < parent.getAsJsonArray().size()) {
            return parent.getAsJsonArray().get(index);
        }
        return null;
    }
}
