package dev.mnistlab.compare;

import dev.mnistlab.eval.Evaluation;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.TrainingProgress;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Records how long every training step took, to tell warm-up from steady state, and logs each
 * epoch as it ends. Steps are timed between batch notifications, so evaluations between epochs
 * are not counted.
 */
final class StepTimeline implements TrainingProgress {

    private final PrintWriter log;
    private final List<long[]> epochs = new ArrayList<>();
    private long[] current;
    private long lastMark;

    StepTimeline(PrintWriter log) {
        this.log = log;
    }

    @Override
    public void onEpochStart(int epoch, int totalEpochs, int batches) {
        current = new long[batches];
        epochs.add(current);
        log.printf(Locale.ROOT, "epoch %d of %d: %d steps%n", epoch, totalEpochs, batches);
        log.flush();
        lastMark = System.nanoTime();
    }

    @Override
    public void onBatch(int epoch, int batch, int batches, Evaluation soFar) {
        long now = System.nanoTime();
        current[batch - 1] = now - lastMark;
        lastMark = now;
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics) {
        log.printf(
                Locale.ROOT,
                "epoch %d: test accuracy %.4f, %.0f samples/s, optimizer %.1f%% of a step%n",
                metrics.epoch(),
                metrics.testAccuracy(),
                metrics.samplesPerSecond(),
                100 * metrics.phases().optimizerShare());
        log.flush();
    }

    /**
     * Returns the steps per second after warm-up: over the epochs after the first, or over the
     * second half of the only epoch.
     */
    double steadyStepsPerSecond() {
        long nanos = 0;
        long steps = 0;
        if (epochs.size() > 1) {
            for (long[] epoch : epochs.subList(1, epochs.size())) {
                for (long step : epoch) {
                    nanos += step;
                }
                steps += epoch.length;
            }
        } else {
            long[] only = epochs.get(0);
            for (int i = only.length / 2; i < only.length; i++) {
                nanos += only[i];
                steps++;
            }
        }
        return steps / (nanos / 1e9);
    }
}
