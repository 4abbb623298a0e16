package dev.mnistlab.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.mnistlab.cli.MnistlabCommand;
import dev.mnistlab.spark.BatchPrediction;
import dev.mnistlab.spark.ClusterModel;
import dev.mnistlab.spark.ForkFreeLocalFileSystem;
import dev.mnistlab.spark.InputImages;
import dev.mnistlab.spark.OutputFormat;
import dev.mnistlab.spark.PredictionCounter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;

/**
 * The predict job of one JVM against the Spark job in a session that stays up: runs the same job on
 * the same folder of pictures again and again in one JVM and prints how long the first run and the
 * later ones took. {@code single} runs {@code mnistlab predict --json} in process (its answers go
 * nowhere); {@code local[N]} runs what {@code mnistlab spark predict} runs (the same session
 * settings, model loading, batches and Parquet output into a new folder under WORK) in one Spark
 * session, as a notebook or a long-lived driver would. One line of JSON per JVM; {@code
 * docs/benchmarks/spark-predict.sh} runs each mode in a JVM of its own, alternating, after timing the
 * whole commands.
 *
 * <pre>{@code
 * java <spark.jvm.options> -cp ... dev.mnistlab.bench.SparkPredictComparison local[2] PICTURES MODEL WORK 40
 * }</pre>
 */
public final class SparkPredictComparison {

    private SparkPredictComparison() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: SparkPredictComparison single|local[N] PICTURES MODEL WORK JOBS");
            System.exit(2);
        }
        String mode = args[0];
        String pictures = args[1];
        String model = args[2];
        Path work = Files.createDirectories(Path.of(args[3]));
        int jobs = Integer.parseInt(args[4]);
        double[] seconds = mode.equals("single")
                ? timeSingle(pictures, model, jobs)
                : timeSpark(mode, pictures, model, work, jobs);
        System.out.println(summary(mode, pictures, seconds));
    }

    private static double[] timeSingle(String pictures, String model, int jobs) {
        double[] seconds = new double[jobs];
        for (int job = 0; job < jobs; job++) {
            long start = System.nanoTime();
            CommandLine predict = MnistlabCommand.commandLine();
            predict.setOut(
                    new PrintWriter(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8)));
            int code = predict.execute("predict", "--model", model, pictures, "--json");
            if (code != 0) {
                throw new IllegalStateException("mnistlab predict exited with " + code);
            }
            seconds[job] = (System.nanoTime() - start) / 1e9;
        }
        return seconds;
    }

    private static double[] timeSpark(String master, String pictures, String model, Path work, int jobs)
            throws IOException {
        double[] seconds = new double[jobs];
        SparkSession spark = SparkSession.builder()
                .master(master)
                .appName("mnistlab spark predict, again and again")
                .config(ForkFreeLocalFileSystem.SPARK_SETTING, ForkFreeLocalFileSystem.class.getName())
                .getOrCreate();
        try {
            for (int job = 0; job < jobs; job++) {
                long start = System.nanoTime();
                ClusterModel loaded = ClusterModel.load(spark, model, "pytorch");
                PredictionCounter counter = PredictionCounter.register(spark, 5);
                OutputFormat.PARQUET.write(
                        BatchPrediction.predict(InputImages.files(spark, pictures), loaded, 1, 256, counter),
                        work.resolve("answers-" + job).toString());
                if (counter.summary().classified() == 0) {
                    throw new IllegalStateException("nothing was classified in " + pictures);
                }
                seconds[job] = (System.nanoTime() - start) / 1e9;
            }
        } finally {
            spark.stop();
        }
        return seconds;
    }

    /** The first job, and the median, lowest and highest of the later half of the jobs. */
    private static String summary(String mode, String pictures, double[] seconds) {
        double[] later = Arrays.copyOfRange(seconds, seconds.length / 2, seconds.length);
        Arrays.sort(later);
        JsonObject summary = new JsonObject();
        summary.addProperty("mode", mode);
        summary.addProperty("pictures", pictures);
        summary.addProperty("jobs", seconds.length);
        summary.addProperty("firstSeconds", seconds[0]);
        summary.addProperty("laterMedianSeconds", later[later.length / 2]);
        summary.addProperty("laterMinSeconds", later[0]);
        summary.addProperty("laterMaxSeconds", later[later.length - 1]);
        JsonArray all = new JsonArray();
        Arrays.stream(seconds).forEach(all::add);
        summary.add("seconds", all);
        return summary.toString();
    }
}
