package dev.mnistlab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One task's progress on standard error. On a terminal it is a bar redrawn in place a few times a
 * second; elsewhere (a CI log, a file) it is a plain line at every quarter of the work and at least
 * every {@value #LINE_SECONDS} seconds, so logs show progress without filling up.
 */
final class ProgressLine {

    /** How progress is shown. */
    enum Mode {
        /** A bar redrawn in place: standard error is a terminal. */
        LIVE,
        /** Plain lines now and then: the output goes to a log. */
        LINES,
        /** Nothing: {@code --quiet}. */
        OFF;

        /** Picks the mode for this process: OFF when quiet, LIVE on a terminal that can redraw, else LINES. */
        // Built for Java 17, where a null console means no terminal (from Java 22 on it is never null).
        @SuppressWarnings("SystemConsoleNull")
        static Mode detect(boolean quiet) {
            if (quiet) {
                return OFF;
            }
            boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
            return terminal ? LIVE : LINES;
        }
    }

    static final long LINE_SECONDS = 10;
    /** An ETA from the first moments (JIT warm-up, first batches) is wild: wait this long. */
    private static final double ETA_AFTER_SECONDS = 1.0;

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 24;

    private static final int MIN_BAR_WIDTH = 10;

    private final PrintWriter err;
    private final Mode mode;
    private final LongSupplier clock;
    private final IntSupplier terminalColumns;
    private int columns = TerminalWidth.FALLBACK;
    private long started;
    private long lastShown;
    private int lastQuarter;
    private boolean drawn;

    /**
     * Creates a progress line.
     *
     * @param err where it is shown
     * @param mode how
     * @param clock nanoseconds
     * @param terminalColumns the terminal's width, asked at the start of each task (a window may have
     *     been resized in between)
     */
    ProgressLine(PrintWriter err, Mode mode, LongSupplier clock, IntSupplier terminalColumns) {
        this.err = err;
        this.mode = mode;
        this.clock = clock;
        this.terminalColumns = terminalColumns;
    }

    /** Starts timing a new task; ETA and rates count from here. */
    void start() {
        if (mode == Mode.LIVE) {
            columns = terminalColumns.getAsInt();
        }
        started = clock.getAsLong();
        lastShown = started;
        lastQuarter = 0;
    }

    /** Returns the seconds since {@link #start}. */
    double elapsedSeconds() {
        return (clock.getAsLong() - started) / 1e9;
    }

    /**
     * Shows progress if it is time to.
     *
     * @param done work done, in any unit
     * @param total all the work, in the same unit; 0 or less if unknown
     * @param label what is being done, e.g. {@code epoch 1/2}
     * @param details figures after the bar, computed only when shown
     */
    void update(long done, long total, String label, Supplier<String> details) {
        long now = clock.getAsLong();
        boolean finished = total > 0 && done >= total;
        int quarter = total > 0 ? (int) (4 * done / total) : 0;
        boolean due = switch (mode) {
            case LIVE -> finished || now - lastShown >= REDRAW_NANOS;
            case LINES -> quarter > lastQuarter || now - lastShown >= LINE_SECONDS * 1_000_000_000L;
            case OFF -> false;
        };
        if (!due) {
            return;
        }
        lastShown = now;
        lastQuarter = quarter;
        double elapsed = elapsedSeconds();
        String eta = total > 0 && done > 0 && !finished && elapsed >= ETA_AFTER_SECONDS
                ? "ETA " + clock(elapsed / done * (total - done))
                : "";
        if (mode == Mode.LIVE) {
            err.print("\r" + fitted(label, done, total, eta, details.get()) + "\033[K");
            drawn = true;
        } else {
            String share = total > 0 ? String.format(Locale.ROOT, "%3d%%", 100 * done / total) : "";
            err.println(label + ": " + share + " " + details.get() + (eta.isEmpty() ? "" : ", " + eta));
        }
        err.flush();
    }

    /** Removes a live bar, so that the next line starts clean. */
    void clear() {
        if (drawn) {
            err.print("\r\033[K");
            err.flush();
            drawn = false;
        }
    }

    /** Prints a line that stays (unless progress is off), after removing a live bar. */
    void note(String text) {
        clear();
        if (mode != Mode.OFF) {
            err.println(text);
            err.flush();
        }
    }

    /** Prints a warning that stays, even when progress is off, after removing a live bar. */
    void warn(String text) {
        clear();
        err.println(OneLine.of("mnistlab: warning: " + text));
        err.flush();
    }

    /** Formats seconds as {@code 0:07} or {@code 1:02:03}. */
    static String clock(double seconds) {
        long whole = Math.round(seconds);
        return whole >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
                : String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }

    /**
     * Fits the line into one terminal row less one column (a line that fills the last column wraps
     * on some terminals): label, bar, share and ETA first, the bar shrinking to make room for the
     * details, and then the details cut after their last comma that fits.
     */
    private String fitted(String label, long done, long total, String eta, String details) {
        int room = columns - 1;
        String head = percent(done, total) + (eta.isEmpty() ? "" : " " + eta);
        int barWidth = Math.max(
                MIN_BAR_WIDTH, Math.min(BAR_WIDTH, room - label.length() - head.length() - details.length() - 4));
        String line = label + " " + bar(done, total, barWidth) + head;
        int left = room - line.length() - 1;
        if (details.length() <= left) {
            return line + " " + details;
        }
        int cut = details.lastIndexOf(',', left);
        String kept = cut > 0 ? details.substring(0, cut) : "";
        line = kept.isEmpty() ? line : line + " " + kept;
        return line.length() <= room ? line : line.substring(0, Math.max(0, room));
    }

    private static String bar(long done, long total, int width) {
        int filled = (int) Math.round(fraction(done, total) * width);
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]";
    }

    private static String percent(long done, long total) {
        return String.format(Locale.ROOT, " %3d%%", Math.round(fraction(done, total) * 100));
    }

    private static double fraction(long done, long total) {
        return total > 0 ? Math.max(0, Math.min(1, (double) done / total)) : 0;
    }
}
