package dev.mnistlab.cli;

import dev.mnistlab.data.ImageFiles;
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
 * Reads and prepares {@code predict}'s pictures on as many threads as there are cores. Large
 * pictures do not run a small heap out of memory: {@link ImageFiles} lets the decodes of all
 * threads together hold at most half the heap, so pictures at the size limit (40 megapixels, about
 * 400 MB each while decoded and prepared) take turns where the heap holds only one.
 */
final class PicturePreparation implements AutoCloseable {

    private final ExecutorService workers;

    PicturePreparation() {
        workers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
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
