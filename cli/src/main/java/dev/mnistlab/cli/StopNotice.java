package dev.mnistlab.cli;

import dev.mnistlab.Plural;
import dev.mnistlab.train.EpochCheckpoint;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Tells a user who stops a training (Ctrl-C, or a SIGTERM) what was kept and how to go on, from a
 * shutdown hook that speaks only while the training runs: which epochs the output folder holds and
 * the {@code --resume} command, or that nothing was saved. The exit code stays the signal's (130
 * for Ctrl-C), as shells expect.
 *
 * <p>A checkpoint being written when the stop comes is finished first (for up to {@value
 * #SAVE_WAIT_SECONDS} seconds), so the notice counts it; none starts after the notice, as the JVM
 * could end it half-way.
 */
final class StopNotice implements AutoCloseable {

    private final PrintWriter err;
    private final Path folder;
    private final String unsavedBecause;
    private static final long SAVE_WAIT_SECONDS = 30;

    private final Thread hook = new Thread(this::tell, "mnistlab-stop-notice");
    private final ReentrantLock saving = new ReentrantLock();
    private volatile boolean stopping;
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
            saving.lock();
            try {
                if (stopping) {
                    return;
                }
                checkpoint.save(soFar);
                savedEpochs = soFar.result().epochs().size();
            } finally {
                saving.unlock();
            }
        };
    }

    private void tell() {
        if (!running) {
            return;
        }
        stopping = true;
        try {
            if (saving.tryLock(SAVE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                saving.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
