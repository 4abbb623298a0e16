package dev.mnistlab.spark.jobs;

import com.google.gson.JsonElement;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.files.FiniteJson;
import dev.mnistlab.spark.ForkFreeLocalFileSystem;
import java.io.PrintWriter;
import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options every job takes: where Spark runs, the engine, and how the result is printed. */
final class JobOptions {

    /** The master when neither {@code --master} nor spark-submit names one: every core of this machine. */
    static final String DEFAULT_MASTER = "local[*]";

    @Option(
            names = "--master",
            paramLabel = "URL",
            description = "Spark master: local[N], spark://HOST:PORT, yarn, k8s://... (default: the one spark-submit"
                    + " gives, else " + DEFAULT_MASTER + ").")
    String master;

    @Option(
            names = "--engine",
            defaultValue = "pytorch",
            paramLabel = "NAME",
            description = "Engine the executors run the model on: pytorch or mxnet (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--verbose", description = "Show Spark's and the engines' logs, and stack traces on errors.")
    boolean verbose;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print only the result and errors.")
    boolean quiet;

    @Option(
            names = "--json",
            description = "Print the result as one JSON object on standard output, and nothing else there.")
    boolean json;

    /** Starts the job's Spark session; the caller stops it. */
    SparkSession startSpark(String job) {
        SparkSession.Builder builder = SparkSession.builder().appName("mnistlab " + job);
        SparkConf given = new SparkConf();
        if (master != null) {
            builder.master(master);
        } else if (!given.contains("spark.master")) {
            builder.master(DEFAULT_MASTER);
        }
        if (!given.contains(ForkFreeLocalFileSystem.SPARK_SETTING)) {
            builder.config(ForkFreeLocalFileSystem.SPARK_SETTING, ForkFreeLocalFileSystem.class.getName());
        }
        try {
            return builder.getOrCreate();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Scala declares no checked exceptions; Spark refuses a master it cannot parse with one.
            if (e instanceof SparkException
                    && String.valueOf(e.getMessage()).startsWith("Could not parse Master URL")) {
                throw new InvalidInputException(
                        "--master '" + master + "' is not a Spark master; use local[N],"
                                + " spark://HOST:PORT, yarn or k8s://https://HOST:PORT",
                        e);
            }
            throw new IllegalStateException(e);
        }
    }

    /** Prints a line of progress to standard error, unless quiet. */
    void progress(CommandSpec spec, String line) {
        if (!quiet) {
            spec.commandLine().getErr().println("mnistlab spark: " + line);
            spec.commandLine().getErr().flush();
        }
    }

    /** Prints the result: {@code text} on standard output, or the JSON object with {@code --json}. */
    void printResult(CommandSpec spec, String text, Supplier<? extends JsonElement> result) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? FiniteJson.toJson(result.get()) : text);
        out.flush();
    }
}
