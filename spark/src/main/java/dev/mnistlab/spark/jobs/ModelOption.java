package dev.mnistlab.spark.jobs;

import dev.mnistlab.spark.ClusterModel;
import java.io.IOException;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** The model folder a job runs, and its loading for the cluster. */
final class ModelOption {

    @Option(
            names = "--model",
            required = true,
            paramLabel = "DIR",
            description = "Model folder written by 'mnistlab train --output', on any file system Spark reads.")
    String folder;

    /** Reads the folder and broadcasts it for the executors, to run on {@code engine}. */
    ClusterModel load(SparkSession spark, String engine) throws IOException {
        return ClusterModel.load(spark, folder, engine);
    }
}
