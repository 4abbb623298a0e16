package dev.mnistlab.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads and prepares {@code predict}'s pictures on as many threads as there are cores and as the
 * heap holds: a picture at the size limit (40 megapixels) needs about 400 MB of heap while it is
 * prepared (measured with {@code -Xmx}: one such JPEG passed with 384 MB, four in a row needed 448
 * MB, as they did on one thread before; two threads passed with 800 MB), so a small heap gets
 * fewer threads, down to one, instead of running out.
 */
final class PicturePreparation implements AutoCloseable {

    private static final long HEAP_PER_THREAD = 400L << 20;

    private final ExecutorService workers;

    PicturePreparation() {
        Runtime runtime = Runtime.getRuntime();
        long threads = Math.max(1, Math.min(runtime.availableProcessors(), runtime.maxMemory() / HEAP_PER_THREAD));
        workers = Executors.newFixedThreadPool((int) threads, task -> {
            Thread thread = new Thread(task, "mnistlab-prepare");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Reads and prepares pictures.
     *
     * @return one per file, in the files' order
     * @throws IOException if reading failed for a reason other than a file's content
     */
    List<PreparedPicture> prepare(List<Path> files) throws IOException {
        List<Future<PreparedPicture>> pending = new ArrayList<>(files.size());
        for (Path file : files) {
            pending.add(workers.submit(() -> PreparedPicture.prepare(file)));
        }
        List<PreparedPicture> prepared = new ArrayList<>(files.size());
        try {
            for (Future<PreparedPicture> picture : pending) {
                prepared.add(picture.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while preparing pictures");
        } catch (ExecutionException e) {
            throw rethrown(e.getCause());
        } finally {
            pending.forEach(picture -> picture.cancel(true));
        }
        return prepared;
    }

    private static IOException rethrown(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(cause);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
