package dev.mnistlab.cli;

import java.util.Arrays;

/** Entry point of the {@code mnistlab} command. The only place that calls {@code System.exit}. */
public final class Main {

    private Main() {}

    /**
     * Runs the command line and exits with its code: 0 success, 2 bad usage or input, 1 failure.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--verbose")) {
            // Read by slf4j-simple when DJL first logs, which is after this line.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        }
        // Charts are drawn off screen; never look for a display.
        System.setProperty("java.awt.headless", "true");
        int code;
        try {
            code = MnistlabCommand.commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands Errors on; this one is the machine's limit, not a bug, so it gets one line.
            if (Arrays.asList(args).contains("--verbose")) {
                e.printStackTrace();
            }
            System.err.println(ErrorReporter.outOfMemory(e.getMessage()));
            code = ErrorReporter.FAILURE;
        }
        System.exit(code);
    }
}
