package dev.mnistlab.compare;

import dev.mnistlab.infer.DigitClassifier;
import java.util.Arrays;
import java.util.List;

/**
 * Times inference through {@link DigitClassifier}, the path users call: the forward pass, the
 * softmax and the copy of the probabilities back to Java. Reading the result also makes the time
 * real on asynchronous engines.
 */
final class InferenceTimer {

    private final DigitClassifier classifier;

    InferenceTimer(DigitClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * Times single-image calls, one image after another, after {@code warmUp} untimed calls.
     *
     * @return every call's time in microseconds, sorted
     */
    double[] singleImageMicros(List<float[]> images, int warmUp, int calls) {
        for (int i = 0; i < warmUp; i++) {
            classifier.classify(List.of(images.get(i % images.size())), 1);
        }
        double[] micros = new double[calls];
        for (int i = 0; i < calls; i++) {
            List<float[]> one = List.of(images.get(i % images.size()));
            long start = System.nanoTime();
            classifier.classify(one, 1);
            micros[i] = (System.nanoTime() - start) / 1e3;
        }
        Arrays.sort(micros);
        return micros;
    }

    /**
     * Classifies the same batch again and again, after a few untimed calls, until both
     * {@code minimumCalls} and {@code minimumSeconds} are reached.
     *
     * @return images per second
     */
    double batchImagesPerSecond(List<float[]> batch, int minimumCalls, double minimumSeconds) {
        for (int i = 0; i < 3; i++) {
            classifier.classify(batch, 1);
        }
        long start = System.nanoTime();
        int calls = 0;
        double seconds;
        do {
            classifier.classify(batch, 1);
            calls++;
            seconds = (System.nanoTime() - start) / 1e9;
        } while (calls < minimumCalls || seconds < minimumSeconds);
        return calls * batch.size() / seconds;
    }

    /** Returns the value below which {@code fraction} of the sorted values lie. */
    static double percentile(double[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(fraction * sorted.length))];
    }
}
