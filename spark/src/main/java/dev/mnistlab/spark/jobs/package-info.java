/**
 * The Spark jobs as programs: {@link dev.mnistlab.spark.jobs.PredictJob} and {@link
 * dev.mnistlab.spark.jobs.EvaluateJob}, each a main class for spark-submit, and {@link
 * dev.mnistlab.spark.jobs.SparkJobs}, all of them under one command ({@code mnistlab spark}).
 */
package dev.mnistlab.spark.jobs;
