package dev.mnistlab.cli;

import dev.mnistlab.Plural;
import dev.mnistlab.train.EpochCheckpoint;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Tells a user who stops a training (Ctrl-C, or a SIGTERM) what was kept and how to go on, from a
 * shutdown hook that speaks only while the training runs: which epochs the output folder holds and
 * the {@code --resume} command, or that nothing was saved. The exit code stays the signal's (130
 * for Ctrl-C), as shells expect.
 */
final class StopNotice implements AutoCloseable {

    private final PrintWriter err;
    private final Path folder;
    private final String unsavedBecause;
    private final Thread hook = new Thread(this::tell, "mnistlab-stop-notice");
    private volatile int savedEpochs;
    private volatile boolean running = true;

    /**
     * Starts listening for a stop.
     *
     * @param err where to speak
     * @param folder the run's output folder, or null when nothing is saved
     * @param savedEpochs the epochs the folder holds already (a resumed run's)
     */
    StopNotice(PrintWriter err, Path folder, int savedEpochs) {
        this(err, folder, savedEpochs, "--output keeps each finished epoch");
    }

    private StopNotice(PrintWriter err, Path folder, int savedEpochs, String unsavedBecause) {
        this.err = err;
        this.folder = folder;
        this.savedEpochs = savedEpochs;
        this.unsavedBecause = unsavedBecause;
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Starts listening for a stop of an ensemble's training, which saves nothing until its end. */
    static StopNotice forEnsemble(PrintWriter err) {
        return new StopNotice(err, null, 0, "an ensemble is saved once its last member has trained");
    }

    /** Wraps a checkpoint so that this notice knows how many epochs it saved. */
    EpochCheckpoint counting(EpochCheckpoint checkpoint) {
        return soFar -> {
            checkpoint.save(soFar);
            savedEpochs = soFar.result().epochs().size();
        };
    }

    private void tell() {
        if (!running) {
            return;
        }
        String kept = folder == null
                ? "nothing was saved (" + unsavedBecause + ")"
                : savedEpochs == 0
                        ? "no epoch had finished, so nothing was saved"
                        : folder + " keeps " + Plural.count(savedEpochs, "finished epoch")
                                + "; 'mnistlab train --resume " + folder + "' goes on from there";
        err.println();
        err.println("mnistlab: stopped; " + kept);
        err.flush();
    }

    /** The training ended (or failed): a later stop has nothing to say. */
    @Override
    public void close() {
        running = false;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already stopping; the hook sees running == false and stays silent.
        }
    }
}
