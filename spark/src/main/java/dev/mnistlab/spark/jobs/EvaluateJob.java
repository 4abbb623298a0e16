package dev.mnistlab.spark.jobs;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.DatasetFile;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.report.EvaluationText;
import dev.mnistlab.spark.ClusterEvaluation;
import dev.mnistlab.spark.ClusterModel;
import dev.mnistlab.spark.InputImages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The evaluate job: scores a model on a labelled set on the cluster, with the same figures, count
 * for count, as {@code mnistlab evaluate}. For spark-submit: {@code --class
 * dev.mnistlab.spark.jobs.EvaluateJob mnistlab-spark-job.jar --model ... --data-dir ...}.
 */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        versionProvider = JobVersion.class,
        sortOptions = false,
        header = "Score a model on a labelled set on a Spark cluster: accuracy, loss, per-class figures.",
        description = {
            "Score a model on a labelled set: the test split of a dataset folder (its IDX files, or test/<class>/"
                    + " image folders), or a Parquet table with a label column. The figures equal 'mnistlab"
                    + " evaluate' on the same images, count for count. Images that cannot be scored are counted"
                    + " and listed, never a failed job.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  mnistlab spark evaluate --master local[2] --model runs/cnn \\",
            "      --data-dir ../shared/data/mnist",
            "  mnistlab spark evaluate --model hdfs:///models/cnn --json \\",
            "      --data-dir hdfs:///sets/digits",
            "  mnistlab spark evaluate --model runs/cnn --parquet labelled.parquet \\",
            "      --label-column digit"
        })
public final class EvaluateJob implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    JobOptions job;

    @Mixin
    ModelOption model;

    @ArgGroup(multiplicity = "1")
    Input input;

    /** Where the labelled images come from: exactly one. */
    static final class Input {
        @Option(
                names = "--data-dir",
                paramLabel = "DIR",
                description = "A dataset folder: the four IDX files (on this machine), or test/<class>/ folders of"
                        + " 28x28 images (on any file system Spark reads).")
        String data;

        @Option(
                names = "--parquet",
                paramLabel = "PATH",
                description = "A Parquet table with encoded 28x28 pictures and labels.")
        String parquet;
    }

    @Mixin
    TableColumns table;

    @Option(
            names = "--label-column",
            defaultValue = "label",
            paramLabel = "NAME",
            description = "With --parquet: the label column, class indexes or names (default: ${DEFAULT-VALUE}).")
    String labelColumn;

    /** Runs the job as spark-submit's main class. */
    public static void main(String[] args) {
        System.exit(SparkJobs.run("evaluate", args));
    }

    @Override
    public Integer call() throws IOException {
        SparkSession spark = job.startSpark("evaluate");
        try {
            ClusterModel loaded = model.load(spark, job.engine);
            job.progress(
                    spec,
                    "scoring on " + spark.sparkContext().master() + " with " + loaded.source() + " ("
                            + loaded.descriptor().architecture().name() + ", " + loaded.engine() + ")");
            ClusterEvaluation result = ClusterEvaluation.evaluate(images(spark, loaded), loaded);
            if (result.report().summary().count() == 0) {
                throw new InvalidInputException("no image of " + source() + " could be scored" + firstFailure(result));
            }
            job.printResult(spec, text(result, loaded), () -> json(result, loaded));
            return 0;
        } finally {
            spark.stop();
        }
    }

    private Dataset<Row> images(SparkSession spark, ClusterModel loaded) throws IOException {
        if (input.parquet != null) {
            return table.read(spark, input.parquet, labelColumn, loaded.classNames());
        }
        Path local = localFolder(input.data);
        if (local != null && DatasetFile.allPresentIn(local)) {
            return InputImages.idxTestSplit(
                    spark, local, loaded.descriptor().namedDataset().orElse(NamedDataset.MNIST));
        }
        org.apache.hadoop.fs.Path test = new org.apache.hadoop.fs.Path(input.data, "test");
        FileSystem fileSystem = test.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!fileSystem.exists(test) || !fileSystem.getFileStatus(test).isDirectory()) {
            throw new InvalidInputException(
                    InputField.DATA_FOLDER,
                    "dataFolder " + input.data + " holds neither " + DatasetFile.expectedNames()
                            + " nor a test/ folder with one folder of images per class");
        }
        return InputImages.labelledFolders(spark, test.toString(), loaded.classNames());
    }

    /** The folder as a path on this machine, or null if it is on another file system. */
    private static Path localFolder(String folder) {
        java.net.URI uri = new org.apache.hadoop.fs.Path(folder).toUri();
        return uri.getScheme() == null
                ? Path.of(folder)
                : "file".equals(uri.getScheme()) ? Path.of(uri.getPath()) : null;
    }

    private String text(ClusterEvaluation result, ClusterModel loaded) {
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "Model %s (%s) on %s: %s%n%n",
                loaded.source(),
                loaded.descriptor().architecture().name(),
                loaded.engine(),
                source()));
        text.append(EvaluationText.table(result.report(), loaded.classNames()));
        if (result.failed() > 0) {
            text.append(String.format(Locale.ROOT, "%n%,d images could not be scored:", result.failed()));
            result.failures().stream()
                    .limit(5)
                    .forEach(failure ->
                            text.append(System.lineSeparator()).append("  ").append(failure));
        }
        return text.toString().stripTrailing();
    }

    private JsonObject json(ClusterEvaluation result, ClusterModel loaded) {
        JsonObject json = EvaluationText.json(result.report(), loaded.classNames());
        json.addProperty("model", model.folder);
        json.addProperty("engine", loaded.engine());
        json.addProperty("dataset", loaded.descriptor().dataset());
        json.addProperty("input", source());
        json.addProperty("failed", result.failed());
        JsonArray failures = new JsonArray();
        result.failures().forEach(failures::add);
        json.add("failures", failures);
        return json;
    }

    private static String firstFailure(ClusterEvaluation result) {
        return result.failures().isEmpty()
                ? ""
                : " (first: " + result.failures().get(0) + ")";
    }

    private String source() {
        return input.data != null ? input.data : input.parquet;
    }
}
