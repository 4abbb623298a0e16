package dev.mnistlab.compare;

import ai.djl.Device;
import ai.djl.Model;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.backend.BackendInfo;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.data.ImageSet;
import dev.mnistlab.infer.DigitClassifier;
import dev.mnistlab.model.ModelFolder;
import dev.mnistlab.report.RunOutput;
import dev.mnistlab.train.ClassifierTrainer;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.StepPhases;
import dev.mnistlab.train.TrainedModel;
import dev.mnistlab.train.TrainingResult;
import dev.mnistlab.train.TrainingSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures one (engine, model) pair, in the JVM that runs it: trains with the given spec, saves the
 * model, loads it back and times inference on it. See {@link PairFigures} for what is measured.
 *
 * <p>Meant for a fresh JVM per pair ({@link ChildJvmLauncher}), so that one engine's memory, JIT
 * state and native thread pools do not colour another's figures.
 */
public final class PairMeasurer {

    /** The batch size of the batched-inference figure. */
    public static final int THROUGHPUT_BATCH = 256;

    /** Single-image calls timed for the latency percentiles. */
    static final int LATENCY_CALLS = 2_000;

    private static final int LATENCY_WARM_UP = 2_000;
    private static final int THROUGHPUT_MIN_CALLS = 20;
    private static final double THROUGHPUT_MIN_SECONDS = 2.0;
    private static final int MODEL_LOADS = 5;

    private final Backend backend;
    private final PrintWriter log;

    /**
     * Creates a measurer.
     *
     * @param backend the engine to measure
     * @param log hears what is being done, a line at a time
     */
    public PairMeasurer(Backend backend, PrintWriter log) {
        this.backend = backend;
        this.log = log;
    }

    /**
     * Measures the pair.
     *
     * @param spec what to train
     * @param data training and test images
     * @param repetition which repetition this is, from 1, recorded with the figures
     * @param workFolder where the trained model is saved and loaded back from; created if needed
     * @return the figures
     */
    public PairFigures measure(TrainingSpec spec, DatasetSplits data, int repetition, Path workFolder)
            throws IOException {
        StepTimeline timeline = new StepTimeline(log);
        Path modelFolder = workFolder.resolve("model");
        TrainingResult result;
        try (TrainedModel trained =
                new ClassifierTrainer(backend).train(spec, data, timeline, RunOutput.checkpointInto(modelFolder))) {
            result = trained.result();
        }
        double peakRss = ProcessMemory.peakRssMiB();
        Device device = spec.device().resolve(backend);
        log.println("timing model loads and inference");
        log.flush();
        double loadMillis = medianLoadMillis(modelFolder, device);
        try (Model model = ModelFolder.load(modelFolder, backend, device)) {
            InferenceTimer timer =
                    new InferenceTimer(new DigitClassifier(model, spec.architecture(), data.classNames()));
            List<float[]> images = scaledImages(data.test(), LATENCY_CALLS);
            double[] latencies = timer.singleImageMicros(images, LATENCY_WARM_UP, LATENCY_CALLS);
            double batchRate = timer.batchImagesPerSecond(
                    images.subList(0, THROUGHPUT_BATCH), THROUGHPUT_MIN_CALLS, THROUGHPUT_MIN_SECONDS);
            log.println("timing a " + DenseRoof.SIZE + "x" + DenseRoof.SIZE + " dense layer (the roof)");
            log.flush();
            double roof = DenseRoof.gflops(backend, device);
            return figures(result, repetition, timeline, latencies, batchRate, loadMillis, peakRss, roof);
        }
    }

    private PairFigures figures(
            TrainingResult result,
            int repetition,
            StepTimeline timeline,
            double[] latencies,
            double batchRate,
            double loadMillis,
            double peakRss,
            double roofGflops) {
        TrainingSpec spec = result.spec();
        BackendInfo info = result.backend();
        double steady = timeline.steadyStepsPerSecond() * spec.batchSize();
        long flops = spec.architecture().forwardFlops();
        StepPhases phases =
                result.epochs().stream().map(EpochMetrics::phases).reduce(StepPhases.none(), StepPhases::plus);
        return new PairFigures(
                info.name(),
                spec.architecture().name(),
                repetition,
                info.engineVersion(),
                info.djlVersion(),
                info.threads(),
                result.device(),
                result.testAccuracy(),
                result.testLoss(),
                result.trainSeconds(),
                result.epochs().get(0).samplesPerSecond(),
                steady,
                phases.optimizerShare(),
                phases.batchingShare(),
                InferenceTimer.percentile(latencies, 0.5),
                InferenceTimer.percentile(latencies, 0.99),
                batchRate,
                loadMillis,
                peakRss,
                flops,
                3.0 * flops * steady / 1e9,
                roofGflops);
    }

    private double medianLoadMillis(Path folder, Device device) throws IOException {
        double[] millis = new double[MODEL_LOADS];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            Model loaded = ModelFolder.load(folder, backend, device);
            millis[i] = (System.nanoTime() - start) / 1e6;
            loaded.close();
        }
        Arrays.sort(millis);
        return millis[millis.length / 2];
    }

    private static List<float[]> scaledImages(ImageSet images, int count) {
        List<float[]> scaled = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            scaled.add(images.scaledImage(i % images.size()));
        }
        return scaled;
    }
}
