package dev.mnistlab.serve;

import dev.mnistlab.infer.DigitClassifier;
import dev.mnistlab.infer.Prediction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Dynamic batching for one model: requests that arrive together run as one forward pass.
 *
 * <p>Requests wait in a bounded queue; one worker thread takes the first, then keeps taking more
 * until the batch holds {@code maxBatchSize} images or {@code maxBatchDelay} has passed since the
 * first was taken, and classifies them in one call (as DJL Serving's {@code batch_size} and
 * {@code max_batch_delay}). A request larger than the batch size runs on its own. When the queue is
 * full, {@link #submit} refuses at once instead of waiting.
 *
 * <p>{@link #retire} stops admission, lets the worker finish every request already queued, then
 * closes the classifier: a model being replaced or unloaded never fails a request it accepted.
 */
final class PredictionBatcher {

    /** Thrown by {@link #submit} after {@link #retire}: the caller looks the model up again. */
    static final class RetiredException extends Exception {
        private static final long serialVersionUID = 1L;

        RetiredException() {
            super("the model version was replaced or unloaded", null, false, false);
        }
    }

    /** A queued request; compared by identity, as the stop marker is one instance. */
    private static final class Job {
        private final List<float[]> images;
        private final CompletableFuture<List<Prediction>> result;

        Job(List<float[]> images, CompletableFuture<List<Prediction>> result) {
            this.images = images;
            this.result = result;
        }

        List<float[]> images() {
            return images;
        }

        CompletableFuture<List<Prediction>> result() {
            return result;
        }
    }

    private static final Job STOP = new Job(List.of(), new CompletableFuture<>());

    private final DigitClassifier classifier;
    private final int classCount;
    private final int maxBatchSize;
    private final int maxQueue;
    private final long maxBatchDelayNanos;
    private final BlockingQueue<Job> queue;
    private final IntConsumer batchSizes;
    private final Thread worker;
    private final Object admission = new Object();
    private boolean retired;
    private Job carried;

    /**
     * Starts the worker.
     *
     * @param classifier the model; the batcher closes it once retired
     * @param name names the worker thread
     * @param batchSizes told the image count of every batch run
     */
    PredictionBatcher(
            DigitClassifier classifier,
            String name,
            int maxBatchSize,
            Duration maxBatchDelay,
            int maxQueue,
            IntConsumer batchSizes) {
        this.classifier = classifier;
        this.classCount = classifier.classNames().size();
        this.maxBatchSize = maxBatchSize;
        this.maxBatchDelayNanos = maxBatchDelay.toNanos();
        this.maxQueue = maxQueue;
        this.queue = new LinkedBlockingQueue<>(maxQueue);
        this.batchSizes = batchSizes;
        this.worker = new Thread(this::work, "mnistlab-batcher-" + name);
        worker.setDaemon(true);
        worker.start();
    }

    /**
     * Queues prepared images for classification.
     *
     * @param images each 784 values in [0, 1], already checked
     * @return every class of every image, ranked, when the batch has run
     * @throws RetiredException if this model version no longer takes requests
     * @throws ServiceException {@link ErrorKind#OVERLOADED} if the queue is full
     */
    CompletableFuture<List<Prediction>> submit(List<float[]> images) throws RetiredException {
        Job job = new Job(List.copyOf(images), new CompletableFuture<>());
        synchronized (admission) {
            if (retired) {
                throw new RetiredException();
            }
            if (!queue.offer(job)) {
                throw ServiceException.overloaded(maxQueue);
            }
        }
        return job.result();
    }

    /** Returns how many requests wait. */
    int queued() {
        return queue.size();
    }

    /**
     * Stops taking requests; the worker answers those queued, closes the classifier and ends. Waits
     * only for room in the queue for the stop marker.
     */
    void retire() {
        synchronized (admission) {
            if (retired) {
                return;
            }
            retired = true;
        }
        // Admission is closed, so the queue only shrinks from here and the marker goes last.
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(STOP);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for the worker to end after {@link #retire}.
     *
     * @return whether it ended in time
     */
    boolean awaitEnd(Duration wait) throws InterruptedException {
        worker.join(Math.max(1, wait.toMillis()));
        return !worker.isAlive();
    }

    /** Returns whether the worker has ended (after {@link #retire}). */
    boolean ended() {
        return !worker.isAlive();
    }

    private void work() {
        try {
            boolean stopping = false;
            while (!stopping) {
                List<Job> batch = new ArrayList<>();
                stopping = collect(batch);
                if (!batch.isEmpty()) {
                    run(batch);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            classifier.close();
        }
    }

    /** Fills a batch; returns true when the stop marker was reached. */
    private boolean collect(List<Job> batch) throws InterruptedException {
        Job first = carried != null ? carried : queue.take();
        carried = null;
        if (first == STOP) {
            return true;
        }
        batch.add(first);
        int images = first.images().size();
        long deadline = System.nanoTime() + maxBatchDelayNanos;
        while (images < maxBatchSize) {
            Job next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                return false;
            }
            if (next == STOP || images + next.images().size() > maxBatchSize) {
                carried = next;
                return false;
            }
            batch.add(next);
            images += next.images().size();
        }
        return false;
    }

    private void run(List<Job> batch) {
        List<float[]> images = new ArrayList<>();
        for (Job job : batch) {
            images.addAll(job.images());
        }
        List<Prediction> predictions;
        try {
            predictions = classifier.classify(images, classCount);
        } catch (RuntimeException e) {
            batch.forEach(job -> job.result().completeExceptionally(e));
            return;
        }
        batchSizes.accept(images.size());
        int from = 0;
        for (Job job : batch) {
            int to = from + job.images().size();
            job.result().complete(predictions.subList(from, to));
            from = to;
        }
    }
}
