package dev.mnistlab.serve;

import dev.mnistlab.infer.Prediction;
import dev.mnistlab.model.ModelDescriptor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One version of a served model: where it came from, what it answers, and the batcher that runs it.
 *
 * @param name the name clients use in paths
 * @param version counts the loads of this service, so each version has its own number
 * @param folder the model folder it was loaded from
 * @param engine the backend's name
 * @param descriptor the folder's architecture, dataset and class names
 * @param loadedAt when this version was loaded
 * @param batcher runs its requests
 */
record ServedModel(
        String name,
        long version,
        Path folder,
        String engine,
        ModelDescriptor descriptor,
        Instant loadedAt,
        PredictionBatcher batcher) {

    /** Returns the class names, by index. */
    List<String> classNames() {
        return descriptor.classNames();
    }

    /** Queues images; see {@link PredictionBatcher#submit}. */
    CompletableFuture<List<Prediction>> submit(List<float[]> images) throws PredictionBatcher.RetiredException {
        return batcher.submit(images);
    }
}
