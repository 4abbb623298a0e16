package dev.mnistlab.bench;

import ai.djl.Model;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.ImageSet;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.infer.DigitClassifier;
import dev.mnistlab.infer.Prediction;
import dev.mnistlab.model.Architecture;
import dev.mnistlab.testing.UntrainedModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Classifying prepared MNIST images through {@link DigitClassifier}, one or 256 per call: forward
 * pass, softmax and the probabilities copied back to Java. The weights are freshly initialised; their values do not
 * change the work.
 */
@State(Scope.Benchmark)
public class PredictionBenchmark extends EngineBenchmark {

    @Param({"mlp", "cnn"})
    public String model;

    @Param({"1", "256"})
    public int batch;

    private Model loaded;
    private DigitClassifier classifier;
    private final List<List<float[]>> images = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void initialise() throws IOException {
        loaded = UntrainedModel.of(engine, model);
        classifier = new DigitClassifier(loaded, Architecture.parse(model, List.of()), NamedDataset.MNIST.classNames());
        ImageSet test = DatasetLoader.load(BenchmarkData.mnistFolder(), NamedDataset.MNIST)
                .test();
        for (int first = 0; first < 10 * batch; first += batch) {
            List<float[]> call = new ArrayList<>();
            for (int i = first; i < first + batch; i++) {
                call.add(test.scaledImage(i));
            }
            images.add(call);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        loaded.close();
    }

    @Benchmark
    public List<Prediction> classify() {
        next = (next + 1) % images.size();
        return classifier.classify(images.get(next), 1);
    }
}
