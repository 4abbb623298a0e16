package dev.mnistlab.compare;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Runs one pair's measurement somewhere and brings back its outcome. {@link ChildJvmLauncher} runs
 * each in a fresh JVM; tests may stand in for it.
 */
@FunctionalInterface
public interface PairLauncher {

    /**
     * Measures a pair. A failure of the measurement is an outcome, not an exception.
     *
     * @param request what to measure
     * @param workFolder a folder of this pair's own, for its log and files
     * @param output hears the measurement's output, a line at a time
     * @return the figures, or why there are none
     * @throws InterruptedException if the wait for the measurement is interrupted
     */
    PairOutcome launch(PairRequest request, Path workFolder, Consumer<String> output) throws InterruptedException;
}
