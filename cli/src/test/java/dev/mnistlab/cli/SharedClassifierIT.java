package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.ImageSet;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.infer.DigitClassifier;
import dev.mnistlab.infer.Prediction;
import dev.mnistlab.testing.RealData;
import dev.mnistlab.testing.UntrainedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One {@link DigitClassifier} shared by 8 threads gives what one thread gives, on every engine. */
class SharedClassifierIT {

    private static final int THREADS = 8;

    @ParameterizedTest
    @ValueSource(strings = {"pytorch", "mxnet"})
    void eightThreadsAgreeWithOne(String engine) throws Exception {
        ImageSet test = DatasetLoader.load(RealData.mnist(), NamedDataset.MNIST).test();
        try (Model model = UntrainedModel.of(engine, "mlp")) {
            DigitClassifier classifier = new DigitClassifier(model, NamedDataset.MNIST.classNames());
            List<Prediction> alone = new ArrayList<>();
            for (int i = 0; i < test.size(); i++) {
                alone.add(classifier.classify(List.of(test.scaledImage(i)), 3).get(0));
            }

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<List<Prediction>>> parts = new ArrayList<>();
            int share = test.size() / THREADS;
            for (int t = 0; t < THREADS; t++) {
                int from = t * share;
                parts.add(pool.submit(() -> {
                    List<Prediction> mine = new ArrayList<>();
                    for (int i = from; i < from + share; i++) {
                        mine.add(classifier
                                .classify(List.of(test.scaledImage(i)), 3)
                                .get(0));
                    }
                    return mine;
                }));
            }
            List<Prediction> together = new ArrayList<>();
            for (Future<List<Prediction>> part : parts) {
                together.addAll(part.get());
            }
            pool.shutdown();
            assertEquals(alone, together, engine);
        }
    }
}
