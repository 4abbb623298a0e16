package dev.mnistlab.spark.jobs;

import com.google.gson.JsonObject;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.compare.CompareContext;
import dev.mnistlab.compare.CompareReport;
import dev.mnistlab.compare.CompareResults;
import dev.mnistlab.compare.PairOutcome;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.DatasetLocator;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.data.DownloadProgress;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.machine.MachineInfo;
import dev.mnistlab.spark.ClusterSweep;
import dev.mnistlab.spark.SweepGrid;
import dev.mnistlab.train.Recipe;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The sweep job: trains a grid of settings (engines x models x optimizers x learning rates x seeds),
 * one Spark task each, and writes the same report as {@code mnistlab compare} with the best model
 * of each (engine, model). For spark-submit: {@code --class dev.mnistlab.spark.jobs.SweepJob
 * mnistlab-spark-job.jar --grid grid.json --output sweep}.
 */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        versionProvider = JobVersion.class,
        sortOptions = false,
        header = "Train a grid of settings on a Spark cluster, one task each, and report them as compare does.",
        description = {
            "Train every engine x model x optimizer x learning rate x seed, each setting as one Spark task on its"
                    + " executor, and write results.json, results.csv, report.md and the charts as 'mnistlab"
                    + " compare' does, plus the most accurate model of each (engine, model) in OUTPUT/best/. A"
                    + " setting reaches the test accuracy 'mnistlab train' reaches with the same settings and"
                    + " --threads. The grid comes from the options or from a JSON file (--grid).",
            ""
        },
        footer = {
            "",
            "Grid file: {\"engines\": [\"pytorch\", \"mxnet\"], \"models\": [\"mlp\"],",
            "  \"optimizers\": [\"rmsprop\", \"adam\"], \"learningRates\": [0.001, 0.0005],",
            "  \"seeds\": [1, 2], \"epochs\": 1, \"limitBatches\": 200, \"threads\": 1};",
            "  or {\"engines\": [\"mxnet\"], \"recipe\": \"mnist\", \"seeds\": [42, 43, 44]}",
            "",
            "Examples:",
            "  mnistlab spark sweep --master local[2] --optimizers rmsprop,adam \\",
            "      --seeds 1,2 --epochs 1 --output sweep",
            "  mnistlab spark sweep --grid grid.json --data-dir ../shared/data/mnist \\",
            "      --output sweep",
            "  mnistlab spark sweep --master local[2] --recipe mnist --seeds 42,43,44,45,46 \\",
            "      --output spread         # the recipe over five seeds, one task each"
        })
public final class SweepJob implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JobOptions job;

    @Option(
            names = "--grid",
            paramLabel = "FILE",
            description = "A JSON file with the grid (below); replaces the grid's options.")
    Path grid;

    @Option(
            names = "--engines",
            split = ",",
            paramLabel = "LIST",
            description = "Engines, comma-separated (default: the --engine).")
    List<String> engines;

    @Option(
            names = "--recipe",
            paramLabel = "NAME",
            description = "Train a tuned recipe, mnist or fashion-mnist, as 'mnistlab train --recipe' does: its"
                    + " schedule, label smoothing and augmentation, and its model, optimizer, epochs and batch size"
                    + " unless given here; with --seeds, how far the recipe's accuracy spreads over seeds (default:"
                    + " none).")
    String recipe;

    @Option(
            names = "--models",
            split = ",",
            paramLabel = "LIST",
            description = "Models: mlp, cnn, cnn-bn (default: mlp; a recipe's cnn-bn).")
    List<String> models;

    @Option(
            names = "--optimizers",
            split = ",",
            paramLabel = "LIST",
            description = "Optimizers: rmsprop, adam, adamw, sgd (default: each model's own).")
    List<String> optimizers;

    @Option(
            names = "--learning-rates",
            split = ",",
            paramLabel = "LIST",
            description = "Learning rates (default: each optimizer's own).")
    List<Double> learningRates;

    @Option(
            names = "--seeds",
            split = ",",
            defaultValue = "42",
            paramLabel = "LIST",
            description = "Seeds (default: ${DEFAULT-VALUE}).")
    List<Integer> seeds;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs per setting (default: the model's own).")
    Integer epochs;

    @Option(names = "--batch-size", paramLabel = "N", description = "Images per step (default: the model's own).")
    Integer batchSize;

    @Option(
            names = "--limit-batches",
            paramLabel = "N",
            description = "Batches per epoch, for quick looks (default: all).")
    Integer limitBatches;

    @Option(
            names = "--dataset",
            paramLabel = "NAME",
            description = "mnist or fashion-mnist (default: mnist; a recipe's own).")
    String dataset;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Engine threads per setting (default: spark.task.cpus, 1 unless set).")
    Integer threads;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "The dataset's folder on this machine (default: searched, as 'mnistlab train' does).")
    Path dataDir;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "DIR",
            description = "Folder on this machine for the report and the best models: absent, empty, or an"
                    + " earlier comparison's.")
    Path output;

    /** Runs the job as spark-submit's main class. */
    public static void main(String[] args) {
        System.exit(SparkJobs.run("sweep", args));
    }

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        CompareReport.requireWritable(output);
        // spark-submit passes its settings as system properties, which SparkConf reads: the grid is
        // checked, and the data read, before Spark starts.
        int taskCpus = new SparkConf().getInt("spark.task.cpus", 1);
        SweepGrid settings = grid != null ? fromFile(taskCpus) : fromOptions(taskCpus);
        // Bad values are refused before the data is searched for.
        settings.engines().forEach(Backends::get);
        int settingCount = settings.specs().size() * settings.engines().size();
        NamedDataset named = NamedDataset.byId(settings.dataset());
        Path folder = DatasetLocator.standard(DownloadProgress.NONE).locate(named, dataDir);
        DatasetSplits data = DatasetLoader.load(folder, named);
        SparkSession spark = job.startSpark("sweep");
        try {
            job.progress(
                    spec,
                    "training " + settingCount + " settings on "
                            + spark.sparkContext().master() + ", one task each");
            CompareResults results = ClusterSweep.run(
                    spark,
                    settings,
                    data,
                    folder,
                    new CompareContext(
                            MachineInfo.current(),
                            commandLine(),
                            Instant.now(),
                            "mnistlab spark sweep",
                            ClusterSweep.ISOLATION),
                    output);
            double seconds = (System.nanoTime() - start) / 1e9;
            job.printResult(spec, text(results, seconds), () -> json(results, seconds));
            return results.failures().isEmpty() ? 0 : JobErrors.FAILURE;
        } finally {
            spark.stop();
        }
    }

    private SweepGrid fromFile(int taskCpus) throws IOException {
        List<String> gridOptions = List.of(
                "--engines",
                "--models",
                "--optimizers",
                "--learning-rates",
                "--seeds",
                "--epochs",
                "--batch-size",
                "--limit-batches",
                "--dataset",
                "--recipe",
                "--threads");
        for (String option : gridOptions) {
            if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                throw new InvalidInputException(
                        option + " and --grid both set the grid; put " + option + "'s values in the grid file");
            }
        }
        return SweepGrid.read(grid, taskCpus);
    }

    private SweepGrid fromOptions(int taskCpus) {
        Recipe chosen = recipe == null ? null : Recipe.byId(recipe);
        return new SweepGrid(
                engines == null ? List.of(job.engine) : engines,
                models != null ? models : List.of(chosen == null ? "mlp" : chosen.model()),
                optimizers == null ? List.of() : optimizers,
                learningRates == null ? List.of() : learningRates,
                seeds,
                epochs,
                batchSize,
                limitBatches,
                dataset != null ? dataset : SweepGrid.datasetOf(chosen),
                recipe,
                threads == null ? taskCpus : threads);
    }

    private String commandLine() {
        // The parse starts at the job's name: "sweep --seeds 1,2 ...".
        return "mnistlab spark "
                + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    private String text(CompareResults results, double seconds) {
        StringBuilder text = new StringBuilder(
                String.format(Locale.ROOT, "%-40s %-8s %9s %9s%n", "setting", "engine", "accuracy", "train s"));
        results.outcomes().stream()
                .filter(PairOutcome.Measured.class::isInstance)
                .map(PairOutcome.Measured.class::cast)
                .sorted(Comparator.comparingDouble(
                                (PairOutcome.Measured m) -> m.figures().testAccuracy())
                        .reversed())
                .forEach(m -> text.append(String.format(
                        Locale.ROOT,
                        "%-40s %-8s %9.4f %9.1f%n",
                        m.request().setting(),
                        m.request().engine(),
                        m.figures().testAccuracy(),
                        m.figures().trainSeconds())));
        results.failures()
                .forEach(failed -> text.append(String.format(
                        Locale.ROOT,
                        "%-40s %-8s failed: %s%n",
                        failed.request().setting(),
                        failed.request().engine(),
                        failed.reason())));
        text.append(String.format(
                Locale.ROOT,
                "%nTrained %d settings in %.1f s; wrote %s (report.md, results.json, results.csv, charts) and the"
                        + " best model of each engine and model in %s",
                results.outcomes().size(),
                seconds,
                output,
                output.resolve(ClusterSweep.BEST_FOLDER)));
        return text.toString();
    }

    private JsonObject json(CompareResults results, double seconds) {
        JsonObject json = new JsonObject();
        json.addProperty("output", output.toString());
        json.addProperty("settings", results.outcomes().size());
        json.addProperty("failed", results.failures().size());
        json.addProperty("seconds", seconds);
        json.addProperty("results", output.resolve(CompareReport.JSON_FILE).toString());
        json.addProperty("best", output.resolve(ClusterSweep.BEST_FOLDER).toString());
        return json;
    }
}
