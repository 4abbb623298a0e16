package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.ImageSet;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.infer.DigitClassifier;
import dev.mnistlab.testing.RealData;
import dev.mnistlab.testing.ResidentMemory;
import dev.mnistlab.testing.UntrainedModel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Classifying 100,000 images one by one must not grow native or Java memory.
 *
 * <p>Resident memory is sampled every 10,000 calls after the first 10,000. A leak grows with the
 * calls; the allocator's arenas and the JIT's code grow in steps and then stay, and one sample can
 * catch a passing peak. So the test compares the smallest of the last three samples with the
 * largest of the first three: a leak of 500 bytes a call, 5 MiB per 10,000, puts at least 25 MiB
 * between them, while a one-off step or peak does not.
 */
class ClassifierMemoryIT {

    private static final int CALLS = 100_000;
    private static final int SAMPLE_EVERY = 10_000;
    private static final int EDGE_SAMPLES = 3;
    private static final double ALLOWED_GROWTH_MIB = 25;

    @ParameterizedTest
    @ValueSource(strings = {"pytorch", "mxnet"})
    void residentMemoryStaysFlat(String engine) throws IOException {
        ImageSet test = DatasetLoader.load(RealData.mnist(), NamedDataset.MNIST).test();
        try (Model model = UntrainedModel.of(engine, "mlp")) {
            DigitClassifier classifier = new DigitClassifier(model, NamedDataset.MNIST.classNames());
            List<Double> samples = new ArrayList<>();
            for (int call = 1; call <= CALLS; call++) {
                classifier.classify(List.of(test.scaledImage(call % test.size())), 1);
                if (call % SAMPLE_EVERY == 0) {
                    samples.add(ResidentMemory.afterCollectionMiB());
                }
            }
            double firstHighest = Collections.max(samples.subList(0, EDGE_SAMPLES));
            double lastLowest = Collections.min(samples.subList(samples.size() - EDGE_SAMPLES, samples.size()));
            System.out.printf(
                    Locale.ROOT,
                    "%s: resident memory every %,d images %s MiB (Java heap committed %.1f MiB)%n",
                    engine,
                    SAMPLE_EVERY,
                    samples.stream()
                            .map(mib -> String.format(Locale.ROOT, "%.0f", mib))
                            .toList(),
                    Runtime.getRuntime().totalMemory() / 1048576.0);
            assertTrue(
                    lastLowest - firstHighest < ALLOWED_GROWTH_MIB,
                    engine + " grew from at most " + firstHighest + " to at least " + lastLowest + " MiB");
        }
    }
}
