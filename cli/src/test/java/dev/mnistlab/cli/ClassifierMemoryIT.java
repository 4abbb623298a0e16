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
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Classifying 100,000 images one by one must not grow native or Java memory. */
class ClassifierMemoryIT {

    private static final int CALLS = 100_000;
    private static final int SETTLE = 10_000;
    private static final double ALLOWED_GROWTH_MIB = 50;

    @ParameterizedTest
    @ValueSource(strings = {"pytorch", "mxnet"})
    void residentMemoryStaysFlat(String engine) throws IOException {
        ImageSet test = DatasetLoader.load(RealData.mnist(), NamedDataset.MNIST).test();
        try (Model model = UntrainedModel.of(engine, "mlp")) {
            DigitClassifier classifier = new DigitClassifier(model, NamedDataset.MNIST.classNames());
            double settled = 0;
            for (int call = 1; call <= CALLS; call++) {
                classifier.classify(List.of(test.scaledImage(call % test.size())), 1);
                if (call == SETTLE) {
                    settled = ResidentMemory.afterCollectionMiB();
                }
            }
            double end = ResidentMemory.afterCollectionMiB();
            System.out.printf(
                    Locale.ROOT,
                    "%s: resident memory %.1f MiB after %,d images, %.1f MiB after %,d (Java heap"
                            + " committed %.1f MiB)%n",
                    engine,
                    settled,
                    SETTLE,
                    end,
                    CALLS,
                    Runtime.getRuntime().totalMemory() / 1048576.0);
            assertTrue(end - settled < ALLOWED_GROWTH_MIB, engine + " grew from " + settled + " to " + end + " MiB");
        }
    }
}
