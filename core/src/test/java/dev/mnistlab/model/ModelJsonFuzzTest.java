package dev.mnistlab.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.report.MetricsReport;
import dev.mnistlab.testing.Fuzz;
import dev.mnistlab.testing.Mutations;
import dev.mnistlab.testing.SampleResults;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.StepPhases;
import dev.mnistlab.train.TrainingCheckpoint;
import dev.mnistlab.train.TrainingResult;
import dev.mnistlab.train.TrainingSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any {@code model.json} gives a descriptor and a checkpoint, or our own {@link InvalidInputException}:
 * damaged text, and valid JSON with any values swapped for ones of another type or extreme ones.
 */
class ModelJsonFuzzTest {

    @TempDir
    Path folder;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void readsOrSaysWhyNot() throws IOException {
        Files.write(folder.resolve(TrainingCheckpoint.STATE_FILE), new byte[16]);
        JsonObject valid = valid();
        byte[] validText = valid.toString().getBytes(StandardCharsets.UTF_8);
        List<List<Object>> paths = new ArrayList<>();
        collectPaths(valid, new ArrayList<>(), paths);
        Fuzz.run(
                "model.json reader",
                random -> random.nextBoolean()
                        ? Mutations.of(validText, random)
                        : swapped(valid, paths, random).toString().getBytes(StandardCharsets.UTF_8),
                this::readOrRefuse);
    }

    private void readOrRefuse(byte[] text) throws IOException {
        Files.write(folder.resolve(ModelFolder.DESCRIPTOR_FILE), text);
        try {
            ModelDescriptor descriptor = ModelFolder.readDescriptor(folder);
            assertTrue(descriptor.classNames().size() >= 2
                    && descriptor.classNames().size() <= 10);
            TrainingCheckpoint.read(folder);
        } catch (InvalidInputException refused) {
            assertTrue(refused.getMessage().contains(folder.toString()), refused.getMessage());
        }
    }

    /** A model.json as training writes it, for a 2-epoch MLP. */
    static JsonObject valid() {
        TrainingSpec spec = TrainingSpec.builder().optHidden(List.of(64, 32)).build();
        EpochMetrics epoch = new EpochMetrics(1, 0.3, 0.9, 0.2, 0.93, 3.0, 20_000, 0.1, StepPhases.none());
        TrainingResult result = SampleResults.of(spec, List.of(epoch, epoch));
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

    /** Valid JSON with one to three values, wherever they are, replaced by values of any type. */
    private static JsonObject swapped(JsonObject valid, List<List<Object>> paths, Random random) {
        JsonObject copy = valid.deepCopy();
        for (int swaps = 1 + random.nextInt(3); swaps > 0; swaps--) {
            replace(copy, paths.get(random.nextInt(paths.size())), anyValue(random));
        }
        return copy;
    }

    private static JsonElement anyValue(Random random) {
        return switch (random.nextInt(9)) {
            case 0 -> new JsonPrimitive(random.nextInt());
            case 1 -> new JsonPrimitive(new int[] {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE}[random.nextInt(4)]);
            case 2 -> new JsonPrimitive(new double[] {1e300, -1e300, Double.MIN_VALUE, 1.5}[random.nextInt(4)]);
            case 3 -> JsonParser.parseString("99999999999999999999999");
            case 4 -> new JsonPrimitive(Long.toString(random.nextLong(), 36));
            case 5 -> new JsonPrimitive(random.nextBoolean());
            case 6 -> JsonNull.INSTANCE;
            case 7 -> new JsonArray();
            default -> new JsonObject();
        };
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
        } else if (last instanceof Integer index
                && parent.isJsonArray()
                && index < parent.getAsJsonArray().size()) {
            parent.getAsJsonArray().set(index, value);
        }
    }

    private static JsonElement child(JsonElement parent, Object step) {
        if (step instanceof String key && parent.isJsonObject()) {
            return parent.getAsJsonObject().get(key);
        }
        if (step instanceof Integer index
                && parent.isJsonArray()
                && index < parent.getAsJsonArray().size()) {
            return parent.getAsJsonArray().get(index);
        }
        return null;
    }
}
