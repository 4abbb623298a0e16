package dev.mnistlab.compare;

import dev.mnistlab.files.AtomicFile;
import dev.mnistlab.files.FiniteJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What one child JVM measured for one (engine, model) pair. Figures that could not be measured on
 * this platform are {@code NaN}.
 *
 * @param engine the backend's name
 * @param model the architecture's name
 * @param repetition which repetition of the pair, from 1
 * @param engineVersion the native engine's version
 * @param djlVersion DJL's version
 * @param threads the engine's threads, in its own terms
 * @param device where it computed, e.g. {@code cpu()}
 * @param testAccuracy accuracy on the test set after training
 * @param testLoss mean loss on the test set after training
 * @param trainSeconds wall time of the training steps (evaluations excluded)
 * @param firstEpochSamplesPerSecond training images per second in epoch 1, warm-up included
 * @param steadySamplesPerSecond training images per second after warm-up: the epochs after the first,
 *     or the second half of the only epoch
 * @param optimizerShare the optimizer's share of a training step's time
 * @param batchingShare batch creation's share of a training step's time
 * @param latencyP50Micros median time to classify one image, after warm-up
 * @param latencyP99Micros 99th percentile of the same
 * @param batchImagesPerSecond images per second classified in batches of {@link PairMeasurer#THROUGHPUT_BATCH}
 * @param modelLoadMillis median time to load the saved model folder
 * @param peakRssMiB the child's peak resident memory when training ended, in MiB
 * @param forwardFlops floating-point operations of one image's forward pass
 * @param trainingGflops achieved GFLOP/s in steady training (three forward passes' worth per image)
 * @param roofGflops the engine's attainable GFLOP/s here, at the same threads ({@link DenseRoof})
 */
public record PairFigures(
        String engine,
        String model,
        int repetition,
        String engineVersion,
        String djlVersion,
        String threads,
        String device,
        double testAccuracy,
        double testLoss,
        double trainSeconds,
        double firstEpochSamplesPerSecond,
        double steadySamplesPerSecond,
        double optimizerShare,
        double batchingShare,
        double latencyP50Micros,
        double latencyP99Micros,
        double batchImagesPerSecond,
        double modelLoadMillis,
        double peakRssMiB,
        long forwardFlops,
        double trainingGflops,
        double roofGflops) {

    /** Writes the figures as JSON, atomically. */
    public void write(Path file) throws IOException {
        byte[] json = FiniteJson.GSON.toJson(this).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(file, out -> out.write(json));
    }

    /**
     * Reads figures written by {@link #write}.
     *
     * @throws com.google.gson.JsonParseException if the file is not such JSON
     */
    public static PairFigures read(Path file) throws IOException {
        return FiniteJson.GSON.fromJson(Files.readString(file), PairFigures.class);
    }
}
