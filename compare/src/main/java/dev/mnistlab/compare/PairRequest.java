package dev.mnistlab.compare;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mnistlab.files.AtomicFile;
import dev.mnistlab.files.FiniteJson;
import dev.mnistlab.train.TrainingSpec;
import dev.mnistlab.train.TrainingSpecJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One measurement a child JVM makes: train and measure one model on one engine.
 *
 * @param engine the backend's name, e.g. {@code pytorch}
 * @param spec what to train
 * @param setting the spec's name in the plan's reports ({@link ComparePlan#settingName})
 * @param dataFolder the folder holding the dataset's IDX files, already located by the parent
 * @param repetition which repetition of this pair, from 1
 */
public record PairRequest(String engine, TrainingSpec spec, String setting, Path dataFolder, int repetition) {

    /** Returns a short name for logs and file names, e.g. {@code pytorch-mlp-1}. */
    public String label() {
        return engine + "-" + setting.replace(' ', '-') + "-" + repetition;
    }

    /** Writes the request as JSON, atomically, for {@link #read}. */
    public void write(Path file) throws IOException {
        byte[] json = FiniteJson.toJson(toJson()).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, out -> out.write(json));
    }

    /**
     * Reads a request written by {@link #write}.
     *
     * @throws RuntimeException (Gson's, or {@link dev.mnistlab.InvalidInputException}) if it is not such a request
     */
    public static PairRequest read(Path file) throws IOException {
        return fromJson(JsonParser.parseString(Files.readString(file)).getAsJsonObject());
    }

    /** Returns the request as JSON. */
    private JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("engine", engine);
        json.addProperty("setting", setting);
        json.addProperty("dataFolder", dataFolder.toAbsolutePath().toString());
        json.addProperty("repetition", repetition);
        JsonObject training = new JsonObject();
        TrainingSpecJson.write(spec, training);
        json.add("spec", training);
        return json;
    }

    private static PairRequest fromJson(JsonObject json) {
        return new PairRequest(
                json.get("engine").getAsString(),
                TrainingSpecJson.read(json.getAsJsonObject("spec")),
                json.get("setting").getAsString(),
                Path.of(json.get("dataFolder").getAsString()),
                json.get("repetition").getAsInt());
    }
}
