package dev.mnistlab.cli;

import dev.mnistlab.data.DownloadProgress;
import dev.mnistlab.eval.Evaluation;
import dev.mnistlab.eval.EvaluationProgress;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.TrainingProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows downloads, training and evaluation as they go: a {@link ProgressLine} on standard error
 * (throughput, running loss and accuracy, ETA), and one summary line per finished epoch.
 */
final class ConsoleProgress implements TrainingProgress, DownloadProgress {

    private static final double MIB = 1024.0 * 1024.0;

    private final PrintWriter epochLines;
    private final ProgressLine line;
    private String downloading;

    /**
     * Creates console progress.
     *
     * @param epochLines where each epoch's summary line goes, or null for nowhere
     * @param line the progress line, on standard error
     */
    ConsoleProgress(PrintWriter epochLines, ProgressLine line) {
        this.epochLines = epochLines;
        this.line = line;
    }

    @Override
    public void onEpochStart(int epoch, int epochs, int batches) {
        line.start();
    }

    @Override
    public void onBatch(int epoch, int batch, int batches, Evaluation soFar) {
        line.update(
                batch,
                batches,
                "epoch " + epoch,
                () -> String.format(
                        Locale.ROOT,
                        "%d/%d batches, %,.0f samples/s, loss %.4f, acc %.4f",
                        batch,
                        batches,
                        soFar.count() / line.elapsedSeconds(),
                        soFar.loss(),
                        soFar.accuracy()));
    }

    @Override
    public void onEpochEnd(EpochMetrics m) {
        line.clear();
        if (epochLines != null) {
            String validation = Double.isNaN(m.validationLoss())
                    ? ""
                    : String.format(
                            Locale.ROOT, " | val loss %.4f acc %.4f", m.validationLoss(), m.validationAccuracy());
            epochLines.printf(
                    Locale.ROOT,
                    "epoch %d: train loss %.4f acc %.4f%s | test loss %.4f acc %.4f | %.1f s, %,.0f samples/s%n",
                    m.epoch(),
                    m.trainLoss(),
                    m.trainAccuracy(),
                    validation,
                    m.testLoss(),
                    m.testAccuracy(),
                    m.seconds(),
                    m.samplesPerSecond());
            epochLines.flush();
        }
    }

    /**
     * Returns progress for scoring a test set.
     *
     * @param label what is being scored, shown before the bar
     */
    EvaluationProgress evaluation(String label) {
        line.start();
        return (scored, total, soFar) -> {
            line.update(
                    scored,
                    total,
                    label,
                    () -> String.format(
                            Locale.ROOT,
                            "%,d/%,d images, %,.0f images/s, loss %.4f, acc %.4f",
                            scored,
                            total,
                            scored / line.elapsedSeconds(),
                            soFar.loss(),
                            soFar.accuracy()));
            if (scored == total) {
                line.clear();
            }
        };
    }

    @Override
    public void onBytes(String address, long bytesSoFar, long totalBytes) {
        if (!address.equals(downloading)) {
            downloading = address;
            line.start();
        }
        line.update(bytesSoFar, totalBytes, "download " + fileName(address), () -> {
            String size = totalBytes > 0
                    ? String.format(Locale.ROOT, "%.1f/%.1f MiB", bytesSoFar / MIB, totalBytes / MIB)
                    : String.format(Locale.ROOT, "%.1f MiB", bytesSoFar / MIB);
            return String.format(Locale.ROOT, "%s, %.1f MiB/s", size, bytesSoFar / MIB / line.elapsedSeconds());
        });
    }

    @Override
    public void onFileDone(String address, long bytes) {
        downloading = null;
        line.note(String.format(
                Locale.ROOT, "downloaded %s (%.1f MiB in %.1f s)", address, bytes / MIB, line.elapsedSeconds()));
    }

    /** Warns on standard error, even with {@code --quiet}. */
    void warn(String text) {
        line.warn(text);
    }

    private static String fileName(String address) {
        return address.substring(address.lastIndexOf('/') + 1);
    }
}
