package dev.mnistlab.compare;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The figures a comparison reports, each with its column name, unit and format, so the table,
 * the CSV file and the charts name and print them alike.
 */
public enum Figure {
    /** Test accuracy after training. */
    TEST_ACCURACY("test accuracy", "", "%.4f", PairFigures::testAccuracy),
    /** Test loss after training. */
    TEST_LOSS("test loss", "", "%.4f", PairFigures::testLoss),
    /** Wall time of the training steps. */
    TRAIN_SECONDS("training time", "s", "%.1f", PairFigures::trainSeconds),
    /** Training throughput in epoch 1. */
    FIRST_EPOCH_THROUGHPUT("train, epoch 1", "samples/s", "%,.0f", PairFigures::firstEpochSamplesPerSecond),
    /** Training throughput after warm-up. */
    STEADY_THROUGHPUT("train, steady", "samples/s", "%,.0f", PairFigures::steadySamplesPerSecond),
    /** Achieved training GFLOP/s. */
    TRAINING_GFLOPS("train rate", "GFLOP/s", "%.1f", PairFigures::trainingGflops),
    /** The engine's attainable rate: a large dense layer at the same threads. */
    ROOF_GFLOPS("dense roof", "GFLOP/s", "%.1f", PairFigures::roofGflops),
    /** The training rate as a share of the roof. */
    ROOF_SHARE("% of roof", "", "%.1f", figures -> 100 * figures.trainingGflops() / figures.roofGflops()),
    /** The optimizer's share of a step. */
    OPTIMIZER_SHARE("optimizer share", "%", "%.1f", figures -> 100 * figures.optimizerShare()),
    /** Batch creation's share of a step. */
    BATCHING_SHARE("batching share", "%", "%.1f", figures -> 100 * figures.batchingShare()),
    /** Median single-image latency. */
    LATENCY_P50("latency p50", "us", "%,.0f", PairFigures::latencyP50Micros),
    /** 99th-percentile single-image latency. */
    LATENCY_P99("latency p99", "us", "%,.0f", PairFigures::latencyP99Micros),
    /** Batched inference throughput. */
    BATCH_THROUGHPUT("batch-256 inference", "images/s", "%,.0f", PairFigures::batchImagesPerSecond),
    /** Model load time. */
    MODEL_LOAD("model load", "ms", "%.1f", PairFigures::modelLoadMillis),
    /** Peak resident memory. */
    PEAK_RSS("peak RSS", "MiB", "%,.0f", PairFigures::peakRssMiB);

    private final String title;
    private final String unit;
    private final String format;
    // A getter of an immutable record: stateless, so the enum stays immutable.
    @SuppressWarnings("ImmutableEnumChecker")
    private final ToDoubleFunction<PairFigures> value;

    Figure(String title, String unit, String format, ToDoubleFunction<PairFigures> value) {
        this.title = title;
        this.unit = unit;
        this.format = format;
        this.value = value;
    }

    /** Returns the figure's name with its unit, e.g. {@code latency p50 (us)}. */
    public String heading() {
        return unit.isEmpty() ? title : title + " (" + unit + ")";
    }

    /** Returns a name fit for a CSV header or a file name, e.g. {@code latency_p50_us}. */
    public String key() {
        return heading()
                .replaceAll("[^A-Za-z0-9]+", "_")
                .replaceAll("^_|_$", "")
                .toLowerCase(Locale.ROOT);
    }

    /** Returns this figure of one measurement. */
    public double of(PairFigures figures) {
        return value.applyAsDouble(figures);
    }

    /** Formats a value of this figure for people; {@code NaN} prints as {@code n/a}. */
    public String format(double number) {
        return Double.isNaN(number) ? "n/a" : String.format(Locale.ROOT, format, number);
    }
}
