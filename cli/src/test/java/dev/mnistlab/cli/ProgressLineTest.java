package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.eval.Evaluation;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.StepPhases;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    private final AtomicLong nanos = new AtomicLong();
    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private ConsoleProgress console(ProgressLine.Mode mode) {
        return console(mode, 160);
    }

    private ConsoleProgress console(ProgressLine.Mode mode, int columns) {
        return new ConsoleProgress(
                new PrintWriter(out, true),
                new ProgressLine(new PrintWriter(err, true), mode, nanos::get, () -> columns));
    }

    /** Trains one epoch of 100 batches of 32, each taking 50 ms, with the running loss falling. */
    private void epochOf100Batches(ConsoleProgress progress) {
        progress.onEpochStart(1, 2, 100);
        for (int batch = 1; batch <= 100; batch++) {
            nanos.addAndGet(50_000_000L);
            progress.onBatch(1, batch, 100, new Evaluation(2.0 / batch, 0.5 + batch / 400.0, 32L * batch));
        }
        progress.onEpochEnd(new EpochMetrics(1, 0.02, 0.75, 0.03, 0.74, 5.0, 640, 0.1, StepPhases.none()));
    }

    @Test
    void terminalGetsABarRedrawnInPlaceWithRateLossAndEta() {
        epochOf100Batches(console(ProgressLine.Mode.LIVE));
        String shown = err.toString();
        assertTrue(
                shown.contains("\repoch 1 [############------------]  50% ETA 0:03 50/100 batches, 640 samples/s,"
                        + " loss 0.0400, acc 0.6250\033[K"),
                shown);
        assertEquals(50, shown.split("\r", -1).length - 2, "a redraw every 100 ms of 5 s, then one to clear");
        assertTrue(
                shown.startsWith("\repoch 1 [------------------------]   2% 2/100 batches, 640 samples/s,"
                        + " loss 1.0000, acc 0.5050\033[K"),
                "no ETA in the first second: " + shown.substring(0, 120));
        assertTrue(shown.endsWith("\r\033[K"), "the bar is cleared before the epoch's line");
        assertFalse(shown.contains("\n"), "nothing but the bar on standard error");
        assertTrue(
                out.toString().startsWith("epoch 1: train loss 0.0200 acc 0.7500 | test loss 0.0300 acc 0.7400"),
                out.toString());
    }

    @Test
    void barFitsNarrowTerminalsShrinkingTheBarThenCuttingTheDetails() {
        for (int columns : new int[] {80, 60, 40, 20}) {
            err.getBuffer().setLength(0);
            epochOf100Batches(console(ProgressLine.Mode.LIVE, columns));
            for (String redraw : err.toString().split("\r", -1)) {
                String visible = redraw.replace("\033[K", "");
                assertTrue(visible.length() < columns, columns + " columns: '" + visible + "'");
            }
        }
        err.getBuffer().setLength(0);
        epochOf100Batches(console(ProgressLine.Mode.LIVE, 80));
        assertTrue(
                err.toString()
                        .contains("\repoch 1 [#####-----]  50% ETA 0:03 50/100 batches, 640 samples/s,"
                                + " loss 0.0400\033[K"),
                err.toString());
    }

    @Test
    void logsGetAPlainLineEveryQuarterWithoutControlCharacters() {
        epochOf100Batches(console(ProgressLine.Mode.LINES));
        List<String> lines = err.toString().lines().toList();
        assertEquals(
                List.of(
                        "epoch 1:  25% 25/100 batches, 640 samples/s, loss 0.0800, acc 0.5625, ETA 0:04",
                        "epoch 1:  50% 50/100 batches, 640 samples/s, loss 0.0400, acc 0.6250, ETA 0:03",
                        "epoch 1:  75% 75/100 batches, 640 samples/s, loss 0.0267, acc 0.6875, ETA 0:01",
                        "epoch 1: 100% 100/100 batches, 640 samples/s, loss 0.0200, acc 0.7500"),
                lines);
    }

    @Test
    void logsGetALineAtLeastEveryTenSecondsOfSlowWork() {
        ConsoleProgress progress = console(ProgressLine.Mode.LINES);
        progress.onEpochStart(1, 1, 1000);
        for (int batch = 1; batch <= 100; batch++) {
            nanos.addAndGet(1_000_000_000L);
            progress.onBatch(1, batch, 1000, new Evaluation(1, 0.5, 32L * batch));
        }
        assertEquals(10, err.toString().lines().count(), err.toString());
    }

    @Test
    void quietShowsNothing() {
        epochOf100Batches(new ConsoleProgress(
                null, new ProgressLine(new PrintWriter(err, true), ProgressLine.Mode.OFF, nanos::get, () -> 80)));
        progressOfADownload(console(ProgressLine.Mode.OFF));
        assertEquals("", err.toString());
    }

    @Test
    void downloadsShowMebibytesAndEndWithALineThatStays() {
        progressOfADownload(console(ProgressLine.Mode.LINES));
        List<String> lines = err.toString().lines().toList();
        assertEquals("download train-images-idx3-ubyte.gz:  50% 4.0/8.0 MiB, 2.0 MiB/s, ETA 0:02", lines.get(1));
        assertEquals(
                "downloaded https://example.org/mnist/train-images-idx3-ubyte.gz (8.0 MiB in 4.0 s)",
                lines.get(lines.size() - 1));
    }

    @Test
    void evaluationShowsImagesPerSecondAndClearsItsBar() {
        var scoring = console(ProgressLine.Mode.LIVE).evaluation("test set");
        for (int scored = 1000; scored <= 10_000; scored += 1000) {
            nanos.addAndGet(200_000_000L);
            scoring.onScored(scored, 10_000, new Evaluation(0.1, 0.97, scored));
        }
        String shown = err.toString();
        assertTrue(
                shown.contains("\rtest set [############------------]  50% ETA 0:01 5,000/10,000 images, 5,000"
                        + " images/s, loss 0.1000, acc 0.9700\033[K"),
                shown);
        assertTrue(shown.endsWith("\r\033[K"), shown);
    }

    @Test
    void clockFormatsMinutesAndHours() {
        assertEquals("0:07", ProgressLine.clock(7.4));
        assertEquals("2:05", ProgressLine.clock(125));
        assertEquals("1:02:03", ProgressLine.clock(3723));
    }

    private void progressOfADownload(ConsoleProgress progress) {
        String address = "https://example.org/mnist/train-images-idx3-ubyte.gz";
        long total = 8L << 20;
        progress.onBytes(address, 0, total);
        for (long bytes = 1L << 20; bytes <= total; bytes += 1L << 20) {
            nanos.addAndGet(500_000_000L);
            progress.onBytes(address, bytes, total);
        }
        progress.onFileDone(address, total);
    }
}
