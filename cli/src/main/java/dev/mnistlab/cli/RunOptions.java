package dev.mnistlab.cli;

import dev.mnistlab.train.TrainingSpec;
import picocli.CommandLine.Option;

/** The training settings that {@code train} and {@code compare} both take; core validates them. */
final class RunOptions {

    @Option(
            names = "--dataset",
            paramLabel = "NAME",
            description = "Dataset: mnist or fashion-mnist (default: mnist; a recipe's own).")
    String dataset;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            description = "Passes over the training set, 1 to 10000 (default: mlp 2, cnn 1).")
    Integer epochs;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            description = "Images per step, 1 to 65536 (default: mlp 32, cnn 64).")
    Integer batchSize;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "Seeds initialisation and shuffling; same seed, same result (default: 42).")
    Integer seed;

    @Option(
            names = "--limit-batches",
            paramLabel = "N",
            description = "Stop each epoch after N batches, for a quick look (default: whole epochs).")
    Integer limitBatches;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Engine compute threads: a count or auto (default: auto: 1 for small models like the"
                    + " mlp; else, on pytorch, every core or one, whichever runs the model faster when training"
                    + " starts, and on mxnet the cores left free). Same seed and count, same result.")
    String threads;

    /** Puts these settings into a spec builder; unset ones keep the builder's defaults. */
    TrainingSpec.Builder applyTo(TrainingSpec.Builder builder) {
        return builder.optDataset(dataset)
                .optEpochs(epochs)
                .optBatchSize(batchSize)
                .optSeed(seed)
                .optLimitBatches(limitBatches)
                .optThreads(threads);
    }
}
