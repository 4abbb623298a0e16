package dev.mnistlab.spark.jobs;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.spark.BatchPrediction;
import dev.mnistlab.spark.ClusterModel;
import dev.mnistlab.spark.InputImages;
import dev.mnistlab.spark.OutputFormat;
import dev.mnistlab.spark.PredictionCounter;
import dev.mnistlab.spark.PredictionSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The predict job: classifies every image of a folder, an IDX file or a Parquet table on the
 * cluster and writes one row per image. For spark-submit: {@code --class
 * dev.mnistlab.spark.jobs.PredictJob mnistlab-spark-job.jar --model ... --images ... --output ...}.
 */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        versionProvider = JobVersion.class,
        sortOptions = false,
        header = "Classify images on a Spark cluster and write one row per image.",
        description = {
            "Classify every image of a folder (or glob), an IDX file or a Parquet table, each executor loading the"
                    + " model once and classifying its partitions in engine batches. Pictures are prepared as"
                    + " 'mnistlab predict' prepares them; one that cannot be read is a row with an error (or, with"
                    + " --on-error skip, counted and left out), never a failed job.",
            ""
        },
        footer = {
            "",
            "Columns: id, class, name, probability, top (the --top-k best), model, engine, error.",
            "",
            "Examples:",
            "  mnistlab spark predict --master local[2] --model runs/cnn \\",
            "      --images scans/ --output answers",
            "  mnistlab spark predict --model hdfs:///models/cnn --top-k 3 \\",
            "      --images 'hdfs:///scans/*.png' --format csv --output hdfs:///answers",
            "  mnistlab spark predict --model runs/mlp --output answers \\",
            "      --idx t10k-images-idx3-ubyte.gz"
        })
public final class PredictJob implements Callable<Integer> {

    private static final int FAILURES_SHOWN = 5;

    @Spec
    CommandSpec spec;

    @Mixin
    JobOptions job;

    @Mixin
    ModelOption model;

    @ArgGroup(multiplicity = "1")
    Input input;

    /** Where the images come from: exactly one. */
    static final class Input {
        @Option(
                names = "--images",
                paramLabel = "PATH",
                description = "A folder of PNG, JPEG, BMP or GIF files (searched recursively) or a glob.")
        String images;

        @Option(
                names = "--idx",
                paramLabel = "FILE",
                description = "An IDX images file on this machine (raw or .gz); ids are the indexes.")
        Path idx;

        @Option(
                names = "--parquet",
                paramLabel = "PATH",
                description = "A Parquet table with the encoded pictures in --image-column.")
        String parquet;
    }

    @Mixin
    TableColumns table;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "DIR",
            description = "Folder to write the answers into; it must not exist yet.")
    String output;

    @Option(
            names = "--format",
            defaultValue = "parquet",
            paramLabel = "FORMAT",
            converter = FormatConverter.class,
            description = "parquet, json or csv (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(
            names = "--top-k",
            defaultValue = "1",
            paramLabel = "K",
            description = "How many classes to rank per image (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(
            names = "--batch-size",
            defaultValue = "256",
            paramLabel = "N",
            description = "Images per forward pass on an executor (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--on-error",
            defaultValue = "row",
            paramLabel = "WHAT",
            description = "An image that cannot be classified: 'row' writes it with its error, 'skip' leaves it out"
                    + " (both count it) (default: ${DEFAULT-VALUE}).")
    OnError onError;

    /** What to do with an image that cannot be classified. */
    enum OnError {
        row,
        skip
    }

    /** Runs the job as spark-submit's main class. */
    public static void main(String[] args) {
        System.exit(SparkJobs.run("predict", args));
    }

    @Override
    public Integer call() throws IOException {
        long start = System.nanoTime();
        SparkSession spark = job.startSpark("predict");
        try {
            OutputFormat.requireNew(output, spark.sparkContext().hadoopConfiguration());
            ClusterModel loaded = model.load(spark, job.engine);
            job.progress(
                    spec,
                    "classifying on " + spark.sparkContext().master() + " with " + loaded.source() + " ("
                            + loaded.descriptor().architecture().name() + ", " + loaded.engine() + ")");
            PredictionCounter counter = PredictionCounter.register(spark, FAILURES_SHOWN);
            Dataset<Row> answers = BatchPrediction.predict(images(spark, loaded), loaded, topK, batchSize, counter);
            format.write(
                    onError == OnError.skip
                            ? answers.where(functions.col(BatchPrediction.ERROR).isNull())
                            : answers,
                    output);
            PredictionSummary summary = counter.summary();
            if (summary.images() == 0) {
                // The empty answer Spark wrote is removed: a job that found nothing leaves nothing.
                org.apache.hadoop.fs.Path written = new org.apache.hadoop.fs.Path(output);
                written.getFileSystem(spark.sparkContext().hadoopConfiguration())
                        .delete(written, true);
                throw new InvalidInputException("found no images in " + source()
                        + " (PNG, JPEG, BMP or GIF files, searched recursively); nothing was written");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            job.printResult(spec, text(summary, seconds), () -> json(summary, seconds));
            return 0;
        } finally {
            spark.stop();
        }
    }

    private Dataset<Row> images(SparkSession spark, ClusterModel loaded) throws IOException {
        if (input.images != null) {
            return InputImages.files(spark, input.images);
        }
        if (input.idx != null) {
            return InputImages.idx(spark, input.idx, null, loaded.classNames().size());
        }
        return table.read(spark, input.parquet, null, loaded.classNames());
    }

    private String text(PredictionSummary summary, double seconds) {
        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "Classified %,d of %,d images in %.1f s (%,.0f images/s); %s written to %s%s",
                summary.classified(),
                summary.images(),
                seconds,
                summary.images() / seconds,
                format,
                output,
                summary.failed() == 0
                        ? ""
                        : String.format(
                                Locale.ROOT,
                                "%n%,d could not be classified (%s):",
                                summary.failed(),
                                onError == OnError.skip ? "left out" : "rows with an error")));
        summary.failures()
                .forEach(failure ->
                        text.append(System.lineSeparator()).append("  ").append(failure));
        if (summary.failed() > summary.failures().size()) {
            text.append(System.lineSeparator())
                    .append(String.format(
                            Locale.ROOT,
                            "  and %,d more",
                            summary.failed() - summary.failures().size()));
        }
        return text.toString();
    }

    private JsonObject json(PredictionSummary summary, double seconds) {
        JsonObject result = new JsonObject();
        result.addProperty("model", model.folder);
        result.addProperty("engine", job.engine);
        result.addProperty("input", source());
        result.addProperty("output", output);
        result.addProperty("format", format.toString());
        result.addProperty("images", summary.images());
        result.addProperty("classified", summary.classified());
        result.addProperty("failed", summary.failed());
        JsonArray failures = new JsonArray();
        summary.failures().forEach(failures::add);
        result.add("failures", failures);
        result.addProperty("seconds", seconds);
        return result;
    }

    private String source() {
        return input.images != null ? input.images : input.idx != null ? input.idx.toString() : input.parquet;
    }
}
