package dev.mnistlab.spark;

import com.google.gson.JsonParser;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.compare.PairFigures;
import dev.mnistlab.compare.PairMeasurer;
import dev.mnistlab.files.FiniteJson;
import dev.mnistlab.train.TrainingSpec;
import dev.mnistlab.train.TrainingSpecJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * Trains and measures one setting of a sweep in the executor's JVM, as {@code mnistlab compare}
 * measures a pair in a child JVM ({@link PairMeasurer}), and hands back its figures (or why it
 * failed), its log and its model folder's files.
 *
 * <p>One setting trains at a time in a JVM: DJL's engines record gradients in one collector per
 * process (PyTorch's refuses a second: "A PtGradientCollector is already collecting"), so two
 * trainings in one executor would spoil each other. An executor that runs several tasks at once
 * runs their trainings one after the other; give a sweep executors of one task each
 * ({@code spark.task.cpus} equal to {@code spark.executor.cores}) to use their cores for one
 * setting's threads instead.
 */
final class SweepTask implements Function<SweepTask.Setting, SweepTask.Outcome> {

    private static final long serialVersionUID = 1L;

    /** Held while a setting trains: one training per JVM. */
    private static final Object TRAINING = new Object();

    private final Broadcast<SweepData> data;

    SweepTask(Broadcast<SweepData> data) {
        this.data = data;
    }

    /**
     * One setting to train.
     *
     * @param index its place in the plan's requests
     * @param engine the engine's name
     * @param specJson the training spec, as {@link TrainingSpecJson} writes it
     */
    record Setting(int index, String engine, String specJson) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * How a setting ended.
     *
     * @param index its place in the plan's requests
     * @param figuresJson the figures as JSON, or null if it failed
     * @param failure why it failed, or null
     * @param log what the measurement printed
     * @param modelFiles the trained model folder's files by name (empty if it failed)
     */
    record Outcome(int index, String figuresJson, String failure, String log, Map<String, byte[]> modelFiles)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        /** Returns the figures. */
        PairFigures figures() {
            return FiniteJson.GSON.fromJson(figuresJson, PairFigures.class);
        }
    }

    @Override
    public Outcome call(Setting setting) throws IOException {
        TrainingSpec spec =
                TrainingSpecJson.read(JsonParser.parseString(setting.specJson()).getAsJsonObject());
        StringWriter log = new StringWriter();
        Path work = Files.createTempDirectory("mnistlab-sweep-");
        try (PrintWriter printer = new PrintWriter(log)) {
            PairFigures figures;
            synchronized (TRAINING) {
                figures = new PairMeasurer(Backends.get(setting.engine()), printer)
                        .measure(spec, data.value().splits(), 1, work);
            }
            printer.flush();
            return new Outcome(
                    setting.index(),
                    FiniteJson.GSON.toJson(figures),
                    null,
                    log.toString(),
                    files(work.resolve("model")));
        } catch (IOException | RuntimeException e) {
            // A failed setting is recorded, as compare records a failed pair, and the others still run.
            return new Outcome(setting.index(), null, String.valueOf(e.getMessage()), log.toString(), new TreeMap<>());
        } finally {
            delete(work);
        }
    }

    private static Map<String, byte[]> files(Path folder) throws IOException {
        TreeMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path file : entries.filter(Files::isRegularFile).toList()) {
                files.put(file.getFileName().toString(), Files.readAllBytes(file));
            }
        }
        return files;
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> entries = Files.walk(folder)) {
            for (Path path : entries.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
