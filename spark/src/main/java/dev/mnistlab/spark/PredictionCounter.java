package dev.mnistlab.spark;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * Counts a prediction's images and failures as its partitions are classified, with Spark
 * accumulators, so the job that writes the answers also yields their {@link PredictionSummary}
 * without a second pass over them. Spark counts a task's updates once, also when it ran the task
 * again after a failure, as long as the answers are computed by one action: give a counter to one
 * {@link BatchPrediction#predict} whose answers are written once.
 *
 * <pre>{@code
 * PredictionCounter counter = PredictionCounter.register(spark, 5);
 * OutputFormat.PARQUET.write(BatchPrediction.predict(images, model, 1, 256, counter), "hdfs:///answers");
 * PredictionSummary summary = counter.summary();
 * }</pre>
 */
public final class PredictionCounter implements Serializable {

    private static final long serialVersionUID = 1L;

    private final LongAccumulator images;
    private final LongAccumulator failed;
    private final CollectionAccumulator<String> failures;
    private final int keep;

    private PredictionCounter(
            LongAccumulator images, LongAccumulator failed, CollectionAccumulator<String> failures, int keep) {
        this.images = images;
        this.failed = failed;
        this.failures = failures;
        this.keep = keep;
    }

    /**
     * Makes a counter in a session.
     *
     * @param keep how many failure messages to keep, word for word; at most this many per task travel
     *     to the driver
     */
    public static PredictionCounter register(SparkSession spark, int keep) {
        return new PredictionCounter(
                spark.sparkContext().longAccumulator("mnistlab images"),
                spark.sparkContext().longAccumulator("mnistlab failed images"),
                spark.sparkContext().collectionAccumulator("mnistlab failures"),
                keep);
    }

    /** Returns what was counted so far, with the first {@code keep} failure messages. */
    public PredictionSummary summary() {
        List<String> messages = failures.value();
        return new PredictionSummary(
                images.value(), failed.value(), messages.subList(0, Math.min(keep, messages.size())));
    }

    /** Counts one task's images; {@code messages} are its failures' messages, as many as it kept. */
    void add(long taskImages, long taskFailed, List<String> messages) {
        images.add(taskImages);
        failed.add(taskFailed);
        messages.forEach(failures::add);
    }

    /** Returns how many failure messages a task should keep. */
    int keep() {
        return keep;
    }
}
