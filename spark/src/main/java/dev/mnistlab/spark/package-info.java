/**
 * mnistlab on Apache Spark: batch prediction and distributed evaluation over tables of images.
 *
 * <p>{@link dev.mnistlab.spark.InputImages} reads images (picture files, IDX files, Parquet tables)
 * into one row shape; {@link dev.mnistlab.spark.ClusterModel} ships a model folder to the
 * executors, each of which loads it once; {@link dev.mnistlab.spark.BatchPrediction} and {@link
 * dev.mnistlab.spark.ClusterEvaluation} classify and score partitions in engine batches, with the
 * same answers and counts as the single-machine commands. The jobs for spark-submit and the command
 * line are in {@code dev.mnistlab.spark.jobs}.
 */
package dev.mnistlab.spark;
