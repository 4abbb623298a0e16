package dev.mnistlab.spark;

import com.google.gson.JsonObject;
import dev.mnistlab.compare.ChildJvmLauncher;
import dev.mnistlab.compare.CompareContext;
import dev.mnistlab.compare.ComparePlan;
import dev.mnistlab.compare.CompareReport;
import dev.mnistlab.compare.CompareResults;
import dev.mnistlab.compare.CompareRun;
import dev.mnistlab.compare.PairOutcome;
import dev.mnistlab.compare.PairRequest;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.files.AtomicFolder;
import dev.mnistlab.files.FiniteJson;
import dev.mnistlab.train.TrainingSpecJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * Trains a grid of settings on a cluster, one Spark task per setting, and reports them as
 * {@code mnistlab compare} reports its pairs: {@code results.json}, {@code results.csv},
 * {@code report.md} and the charts, with each setting's log under {@code runs/}, and the best model
 * of each (engine, model) under {@value #BEST_FOLDER}/.
 *
 * <pre>{@code
 * SweepGrid grid = SweepGrid.read(Path.of("grid.json"), 1);
 * CompareResults results = ClusterSweep.run(spark, grid, DatasetLoader.load(folder, NamedDataset.MNIST),
 *         folder, new CompareContext(MachineInfo.current(), "my sweep", Instant.now()), Path.of("sweep"));
 * }</pre>
 *
 * <p>Each setting trains with its own seed and thread count ({@link SweepGrid#threads()}, at most
 * {@code spark.task.cpus}), so it reaches the test accuracy {@code mnistlab train} reaches with the
 * same settings. The dataset is read once where the job starts and broadcast to the executors.
 * Measurements made in an executor share its JVM with the other tasks it runs: training and
 * inference speeds are those of a busy executor, and the peak resident memory is the executor's.
 */
public final class ClusterSweep {

    /** How a sweep keeps its settings apart, for its report. */
    public static final String ISOLATION = "Every setting trains as one Spark task on an executor, with its own"
            + " spec, seed and thread count and the same data; an executor trains one setting at a time, so"
            + " settings that shared an executor JVM share its JIT warm-up and memory: speeds are those of a"
            + " busy executor, and peak RSS is the executor's.";

    /** The folder, in the output, that holds the best model of each (engine, model). */
    public static final String BEST_FOLDER = "best";

    private ClusterSweep() {}

    /**
     * Runs a sweep.
     *
     * @param spark the session
     * @param grid the settings
     * @param data the dataset every setting trains on
     * @param dataFolder where the dataset was read from, for the report
     * @param context provenance for the report: where the job started, the command, when
     * @param output the folder for the report files, on this machine: absent, empty or an earlier
     *     comparison's
     * @return every setting's outcome, failures included
     * @throws dev.mnistlab.InvalidInputException if the grid holds a setting training refuses, or
     *     the output folder holds other files
     */
    public static CompareResults run(
            SparkSession spark,
            SweepGrid grid,
            DatasetSplits data,
            Path dataFolder,
            CompareContext context,
            Path output)
            throws IOException {
        CompareReport.requireWritable(output);
        ComparePlan plan = new ComparePlan(grid.engines(), grid.specs(), dataFolder, 1);
        List<PairRequest> requests = plan.requests();
        List<SweepTask.Setting> settings = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            JsonObject spec = new JsonObject();
            TrainingSpecJson.write(requests.get(i).spec(), spec);
            settings.add(new SweepTask.Setting(i, requests.get(i).engine(), FiniteJson.toJson(spec)));
        }
        JavaSparkContext sparkContext = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SweepData> shipped = sparkContext.broadcast(new SweepData(data));
        List<SweepTask.Outcome> outcomes = new ArrayList<>(sparkContext
                .parallelize(settings, settings.size())
                .map(new SweepTask(shipped))
                .collect());
        outcomes.sort(Comparator.comparingInt(SweepTask.Outcome::index));
        List<PairOutcome> pairs = new ArrayList<>(outcomes.size());
        for (SweepTask.Outcome outcome : outcomes) {
            PairRequest request = requests.get(outcome.index());
            Path log = output.resolve(CompareRun.RUNS_FOLDER)
                    .resolve(request.label())
                    .resolve(ChildJvmLauncher.LOG_FILE);
            Files.createDirectories(log.getParent());
            Files.writeString(log, outcome.log(), StandardCharsets.UTF_8);
            pairs.add(
                    outcome.failure() == null
                            ? new PairOutcome.Measured(request, outcome.figures(), log)
                            : new PairOutcome.Failed(request, outcome.failure(), log));
        }
        CompareResults results = new CompareResults(context, plan, pairs);
        CompareReport.write(results, output);
        writeBest(outcomes, requests, output.resolve(BEST_FOLDER));
        return results;
    }

    /** Writes, for each (engine, model), the model folder of its most accurate setting. */
    private static void writeBest(List<SweepTask.Outcome> outcomes, List<PairRequest> requests, Path folder)
            throws IOException {
        Map<String, SweepTask.Outcome> best = new LinkedHashMap<>();
        for (SweepTask.Outcome outcome : outcomes) {
            if (outcome.failure() != null) {
                continue;
            }
            PairRequest request = requests.get(outcome.index());
            String key = request.engine() + "-" + request.spec().architecture().name();
            SweepTask.Outcome current = best.get(key);
            if (current == null
                    || outcome.figures().testAccuracy() > current.figures().testAccuracy()) {
                best.put(key, outcome);
            }
        }
        for (Map.Entry<String, SweepTask.Outcome> entry : best.entrySet()) {
            Files.createDirectories(folder);
            AtomicFolder.write(folder.resolve(entry.getKey()), target -> {
                for (Map.Entry<String, byte[]> file :
                        entry.getValue().modelFiles().entrySet()) {
                    Files.write(target.resolve(file.getKey()), file.getValue());
                }
            });
        }
    }
}
