package dev.mnistlab.cli;

import dev.mnistlab.compare.CompareRun;
import dev.mnistlab.compare.Figure;
import dev.mnistlab.compare.PairFigures;
import dev.mnistlab.compare.PairOutcome;
import dev.mnistlab.compare.PairRequest;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a comparison's progress: each measurement as it starts with the ETA of the whole run, its
 * child's lines (unless quiet), and how it ended.
 */
final class CompareConsole implements CompareRun.Listener {

    private final PrintWriter out;
    private final boolean relayChildLines;
    private final long runStart = System.nanoTime();
    private long pairStart;

    /**
     * Creates the console.
     *
     * @param out where the lines go
     * @param relayChildLines whether to show each child's own progress lines
     */
    CompareConsole(PrintWriter out, boolean relayChildLines) {
        this.out = out;
        this.relayChildLines = relayChildLines;
    }

    @Override
    public void onPairStart(int index, int total, PairRequest request) {
        pairStart = System.nanoTime();
        String eta = index == 1
                ? ""
                : ", ETA " + ProgressLine.clock((pairStart - runStart) / 1e9 / (index - 1) * (total - index + 1));
        out.printf(
                Locale.ROOT,
                "[%d/%d] %s %s, run %d%s%n",
                index,
                total,
                request.engine(),
                request.spec().architecture().name(),
                request.repetition(),
                eta);
        out.flush();
    }

    @Override
    public void onOutput(PairRequest request, String line) {
        if (relayChildLines) {
            out.println("    " + line);
            out.flush();
        }
    }

    @Override
    public void onPairEnd(int index, int total, PairOutcome outcome) {
        String took = duration((System.nanoTime() - pairStart) / 1e9);
        if (outcome instanceof PairOutcome.Measured measured) {
            PairFigures figures = measured.figures();
            out.printf(
                    Locale.ROOT,
                    "  done in %s: test accuracy %s, %s samples/s steady, latency p50 %s us%n",
                    took,
                    Figure.TEST_ACCURACY.format(figures.testAccuracy()),
                    Figure.STEADY_THROUGHPUT.format(figures.steadySamplesPerSecond()),
                    Figure.LATENCY_P50.format(figures.latencyP50Micros()));
        } else {
            out.printf(
                    Locale.ROOT,
                    "  FAILED after %s: %s (output in %s)%n",
                    took,
                    ((PairOutcome.Failed) outcome).reason(),
                    outcome.log());
        }
        out.flush();
    }

    /** Formats seconds as {@code 42 s} or {@code 6 min 12 s}. */
    static String duration(double seconds) {
        long whole = Math.round(seconds);
        return whole < 60 ? whole + " s" : whole / 60 + " min " + whole % 60 + " s";
    }
}
