package dev.mnistlab.spark.jobs;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code mnistlab spark}: the Spark jobs under one command, for the launcher ({@code ./mnistlab
 * spark predict ...}) and for spark-submit ({@code --class dev.mnistlab.spark.jobs.SparkJobs}).
 * Each job is also a main class of its own.
 */
@Command(
        name = "mnistlab spark",
        mixinStandardHelpOptions = true,
        versionProvider = JobVersion.class,
        header = "Run mnistlab's jobs on Apache Spark: predict, evaluate, sweep.",
        description = {
            "Run mnistlab's jobs on a Spark cluster, or on this machine with --master local[N]. Models and data"
                    + " may live on any file system Spark reads (local, file://, hdfs://, s3a:// with its"
                    + " connector).",
            ""
        },
        subcommands = {PredictJob.class, EvaluateJob.class, SweepJob.class})
public final class SparkJobs {

    private SparkJobs() {}

    /**
     * Runs a job and exits with its code: 0 success, 2 bad usage or input, 1 failure.
     *
     * @param args the job's name and its options, e.g. {@code predict --model runs/cnn ...}
     */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs one job by name, as its own main class does. */
    static int run(String job, String[] args) {
        String[] withJob = new String[args.length + 1];
        withJob[0] = job;
        System.arraycopy(args, 0, withJob, 1, args.length);
        return execute(withJob);
    }

    /**
     * Runs the command line and returns its exit code, without exiting.
     *
     * @param args the job's name and its options
     */
    public static int execute(String... args) {
        return execute(
                new PrintWriter(System.out, true, Charset.defaultCharset()),
                new PrintWriter(System.err, true, Charset.defaultCharset()),
                args);
    }

    /**
     * Runs the command line with its output and errors going to the given writers.
     *
     * @param out where results go
     * @param err where progress and errors go
     * @param args the job's name and its options
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        System.setProperty("java.awt.headless", "true");
        JobErrors errors = new JobErrors();
        return new CommandLine(new SparkJobs())
                .setOut(out)
                .setErr(err)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }
}
