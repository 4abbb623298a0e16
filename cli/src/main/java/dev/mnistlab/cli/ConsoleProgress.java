package dev.mnistlab.cli;

import dev.mnistlab.data.DownloadProgress;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.TrainingProgress;
import java.io.PrintWriter;

/**
 * Shows progress on the console: one line per epoch on standard output, and, when standard error
 * is a terminal, a live bar with ETA and throughput during each epoch and each download.
 */
final class ConsoleProgress implements TrainingProgress, DownloadProgress {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean live;
    private long epochStart;
    private long lastDraw;

    ConsoleProgress(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
        this.live = System.console() != null;
    }

    @Override
    public void onEpochStart(int epoch, int epochs, int batches) {
        epochStart = System.nanoTime();
        lastDraw = 0;
    }

    @Override
    public void onBatch(int epoch, int batch, int batches) {
        long now = System.nanoTime();
        if (!live || (now - lastDraw < REDRAW_NANOS && batch < batches)) {
            return;
        }
        lastDraw = now;
        double elapsed = (now - epochStart) / 1e9;
        double eta = elapsed / batch * (batches - batch);
        err.printf("\r  epoch %d %s %d/%d batches, %.0f batches/s, ETA %.0f s   ",
                epoch, bar((double) batch / batches), batch, batches, batch / elapsed, eta);
        err.flush();
    }

    @Override
    public void onEpochEnd(EpochMetrics m) {
        clearLine();
        out.printf("epoch %d: train loss %.4f acc %.4f | test loss %.4f acc %.4f | %.1f s, %.0f samples/s%n",
                m.epoch(), m.trainLoss(), m.trainAccuracy(), m.testLoss(), m.testAccuracy(), m.seconds(),
                m.samplesPerSecond());
        out.flush();
    }

    @Override
    public void onBytes(String address, long bytesSoFar, long totalBytes) {
        String size = totalBytes > 0
                ? String.format("%s %.1f/%.1f MiB", bar((double) bytesSoFar / totalBytes), mib(bytesSoFar), mib(totalBytes))
                : String.format("%.1f MiB", mib(bytesSoFar));
        if (live) {
            err.printf("\r  downloading %s %s   ", address, size);
        } else if (bytesSoFar == totalBytes || totalBytes <= 0) {
            err.printf("  downloaded %s (%s)%n", address, size);
        }
        err.flush();
    }

    private void clearLine() {
        if (live) {
            err.print("\r\033[K");
            err.flush();
        }
    }

    private static String bar(double fraction) {
        int width = 24;
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]";
    }

    private static double mib(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
