package dev.mnistlab.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Measures the terminal's width in columns, so a progress bar never wraps. Asks {@code stty size}
 * about the controlling terminal (what the shell's own tools do), then {@code $COLUMNS}, and
 * assumes {@value #FALLBACK} columns when neither answers. A terminal library would do the same
 * through a system terminal object, which installs signal handlers: more than one number needs.
 */
final class TerminalWidth {

    static final int FALLBACK = 80;
    private static final File CONTROLLING_TERMINAL = new File("/dev/tty");
    private static final long STTY_MILLIS = 500;

    private TerminalWidth() {}

    /** Returns the terminal's width in columns. */
    static int columns() {
        int measured = fromStty();
        if (measured > 0) {
            return measured;
        }
        try {
            int columns =
                    Integer.parseInt(String.valueOf(System.getenv("COLUMNS")).trim());
            return columns > 0 ? columns : FALLBACK;
        } catch (NumberFormatException e) {
            return FALLBACK;
        }
    }

    private static int fromStty() {
        if (!CONTROLLING_TERMINAL.canRead()) {
            return -1;
        }
        try {
            Process stty = new ProcessBuilder("stty", "size")
                    .redirectInput(CONTROLLING_TERMINAL)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!stty.waitFor(STTY_MILLIS, TimeUnit.MILLISECONDS)) {
                stty.destroy();
                return -1;
            }
            // "ROWS COLUMNS"
            String answer = new String(stty.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            int space = answer.lastIndexOf(' ');
            return space > 0 ? Integer.parseInt(answer.substring(space + 1)) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
