package dev.mnistlab.bench;

import ai.djl.Model;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.ImageSet;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.eval.EvaluationReport;
import dev.mnistlab.eval.ModelEvaluator;
import dev.mnistlab.testing.UntrainedModel;
import java.io.IOException;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scoring 2,048 MNIST test images with {@link ModelEvaluator} in forward passes of a given size:
 * the measurement behind {@code Architecture.imagesPerPass()}. The time is per image.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ImagesPerPassBenchmark extends EngineBenchmark {

    private static final int IMAGES = 2048;

    @Param({"mlp", "cnn", "cnn-bn"})
    public String model;

    @Param({"32", "64", "128", "256", "1024"})
    public int imagesPerPass;

    private Model loaded;
    private ImageSet images;

    @Setup(Level.Trial)
    public void initialise() throws IOException {
        loaded = UntrainedModel.of(engine, model);
        images = DatasetLoader.load(BenchmarkData.mnistFolder(), NamedDataset.MNIST)
                .test()
                .select(IntStream.range(0, IMAGES).toArray());
    }

    @TearDown(Level.Trial)
    public void close() {
        loaded.close();
    }

    @Benchmark
    @OperationsPerInvocation(IMAGES)
    public EvaluationReport evaluate() {
        return ModelEvaluator.evaluate(
                loaded, images, imagesPerPass, NamedDataset.MNIST.classNames().size());
    }
}
