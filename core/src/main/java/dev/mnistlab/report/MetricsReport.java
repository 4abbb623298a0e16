package dev.mnistlab.report;

import com.google.gson.JsonObject;
import dev.mnistlab.data.DataSource;
import dev.mnistlab.files.AtomicFile;
import dev.mnistlab.files.FiniteJson;
import dev.mnistlab.train.RunProvenance;
import dev.mnistlab.train.TrainedEnsemble;
import dev.mnistlab.train.TrainingResult;
import dev.mnistlab.train.TrainingSpecJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a training run's {@code metrics.json}: provenance (engine and versions, model, data with
 * fingerprints, optimizer, seed, threads, machine), the final test figures and one object per epoch.
 *
 * <p>The top-level fields are {@code engine}, {@code engineVersion}, {@code djlVersion},
 * {@code device}, {@code mnistlabVersion}, {@code computeThreads} (the count the engine computed
 * with), {@code data} ({@code name}, {@code format}, {@code folder}, {@code sha256}), {@code machine}
 * ({@code cpuModel}, {@code cpuFamily}, {@code cores}, {@code clockMhz}, {@code simd}, {@code memoryGib}, {@code os},
 * {@code java}), the spec's fields ({@link TrainingSpecJson}), {@code classNames}, {@code testAccuracy},
 * {@code testLoss}, {@code trainSeconds}, {@code finishedAt} and {@code epochs}, a list of
 * {@link dev.mnistlab.train.EpochMetrics} objects.
 */
public final class MetricsReport {

    /** The file name written into an output folder. */
    public static final String FILE_NAME = "metrics.json";

    private MetricsReport() {}

    /** Returns the report as a JSON object. */
    public static JsonObject toJson(TrainingResult result) {
        JsonObject json = new JsonObject();
        json.addProperty("engine", result.backend().name());
        json.addProperty("engineVersion", result.backend().engineVersion());
        json.addProperty("djlVersion", result.backend().djlVersion());
        json.addProperty("device", result.device());
        RunProvenance provenance = result.provenance();
        json.addProperty("mnistlabVersion", provenance.mnistlabVersion());
        json.addProperty("computeThreads", provenance.computeThreads());
        json.add("data", FiniteJson.GSON.toJsonTree(dataJson(provenance.data())));
        json.add("machine", FiniteJson.GSON.toJsonTree(provenance.machine()));
        TrainingSpecJson.write(result.spec(), json);
        json.add("classNames", FiniteJson.GSON.toJsonTree(result.classNames()));
        json.addProperty("keptEpoch", result.kept().epoch());
        json.addProperty("stoppedEarly", result.stoppedEarly());
        json.addProperty("testAccuracy", result.testAccuracy());
        json.addProperty("testLoss", result.testLoss());
        json.addProperty("trainSeconds", result.trainSeconds());
        json.addProperty("finishedAt", result.finishedAt().toString());
        json.add("epochs", FiniteJson.GSON.toJsonTree(result.epochs()));
        return json;
    }

    /**
     * Returns the report of an ensemble: its first member's report (engine, data, machine, the
     * members' spec with the first seed), with {@code testAccuracy} and {@code testLoss} the
     * ensemble's, {@code trainSeconds} all members', and {@code ensemble}: {@code members},
     * {@code seeds}, {@code memberTestAccuracy}, {@code memberTestLoss} and {@code memberEpochs}
     * (each member's epoch figures) in place of {@code epochs}.
     */
    public static JsonObject toJson(TrainedEnsemble trained) {
        List<TrainingResult> members = trained.members();
        JsonObject json = toJson(members.get(0));
        json.remove("epochs");
        json.remove("keptEpoch");
        json.remove("stoppedEarly");
        json.addProperty("testAccuracy", trained.test().accuracy());
        json.addProperty("testLoss", trained.test().loss());
        json.addProperty(
                "trainSeconds",
                members.stream().mapToDouble(TrainingResult::trainSeconds).sum());
        JsonObject ensemble = new JsonObject();
        ensemble.addProperty("members", members.size());
        ensemble.add(
                "seeds",
                FiniteJson.GSON.toJsonTree(
                        members.stream().map(m -> m.spec().seed()).toList()));
        ensemble.add(
                "memberTestAccuracy",
                FiniteJson.GSON.toJsonTree(
                        members.stream().map(TrainingResult::testAccuracy).toList()));
        ensemble.add(
                "memberTestLoss",
                FiniteJson.GSON.toJsonTree(
                        members.stream().map(TrainingResult::testLoss).toList()));
        ensemble.add(
                "memberEpochs",
                FiniteJson.GSON.toJsonTree(
                        members.stream().map(TrainingResult::epochs).toList()));
        json.add("ensemble", ensemble);
        return json;
    }

    /**
     * Writes an ensemble's {@code metrics.json} into a folder, atomically.
     *
     * @param trained the ensemble
     * @param folder the output folder, created if needed
     * @return the file written
     */
    public static Path write(TrainedEnsemble trained, Path folder) throws IOException {
        return writeJson(toJson(trained), folder);
    }

    private static Map<String, Object> dataJson(DataSource data) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", data.name());
        json.put("format", data.format());
        json.put("folder", data.folder().toString());
        json.put("sha256", data.sha256());
        if (!data.skipped().isEmpty()) {
            json.put("skipped", data.skipped());
        }
        return json;
    }

    /**
     * Writes {@code metrics.json} into a folder, atomically.
     *
     * @param result the run
     * @param folder the output folder, created if needed
     * @return the file written
     */
    public static Path write(TrainingResult result, Path folder) throws IOException {
        return writeJson(toJson(result), folder);
    }

    private static Path writeJson(JsonObject report, Path folder) throws IOException {
        Path target = folder.resolve(FILE_NAME);
        byte[] json = (FiniteJson.toJson(report) + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(target, out -> out.write(json));
        return target;
    }
}
