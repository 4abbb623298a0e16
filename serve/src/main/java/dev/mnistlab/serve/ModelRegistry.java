package dev.mnistlab.serve;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.infer.DigitClassifier;
import dev.mnistlab.infer.Prediction;
import dev.mnistlab.model.ModelDescriptor;
import dev.mnistlab.model.ModelFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The models served, by name. Loading a name that is served replaces it: the new version takes
 * every request that arrives after the swap, and the old one answers those it had queued before it
 * closes, so a client sees one version or the other, never an error.
 */
final class ModelRegistry {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final BatchSettings batching;
    private final ServiceMetrics metrics;
    private final Map<String, ServedModel> models = new ConcurrentHashMap<>();
    private final List<PredictionBatcher> retiring = new ArrayList<>();
    private final AtomicLong versions = new AtomicLong();
    private final Map<String, AtomicInteger> admitted = new ConcurrentHashMap<>();

    ModelRegistry(BatchSettings batching, ServiceMetrics metrics) {
        this.batching = batching;
        this.metrics = metrics;
    }

    /** Checks a model name: letters, digits, dot, dash and underscore, at most 64. */
    static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidInputException(
                    InputField.MODEL_NAME,
                    "modelName '" + name
                            + "' is not valid; use 1-64 letters, digits, '.', '-' or '_', starting with a letter"
                            + " or digit");
        }
        return name;
    }

    /**
     * Loads a model folder on an engine and serves it under a name, replacing any model of that name.
     *
     * @throws InvalidInputException if the name, engine or folder is not valid
     */
    ServedModel load(String name, Path folder, String engine) throws IOException {
        requireName(name);
        Backend backend = Backends.get(engine);
        ModelDescriptor descriptor = ModelFolder.readDescriptor(folder);
        return serve(name, folder, backend.name(), descriptor, DigitClassifier.open(folder, backend));
    }

    /** Serves an open classifier under a name, replacing any model of that name; it is closed once retired. */
    ServedModel serve(String name, Path folder, String engine, ModelDescriptor descriptor, DigitClassifier classifier) {
        PredictionBatcher batcher = new PredictionBatcher(
                classifier,
                name,
                batching.maxBatchSize(),
                batching.maxBatchDelay(),
                batching.maxQueue(),
                size -> metrics.batchSize(name, size));
        ServedModel model =
                new ServedModel(name, versions.incrementAndGet(), folder, engine, descriptor, Instant.now(), batcher);
        ServedModel old;
        synchronized (this) {
            old = models.put(name, model);
            if (old != null) {
                keepRetiring(old.batcher());
            }
        }
        if (old != null) {
            old.batcher().retire();
        }
        metrics.serving(name, () -> queued(name));
        return model;
    }

    /**
     * Stops serving a model; requests it had queued are still answered.
     *
     * @throws ServiceException {@link ErrorKind#MODEL_NOT_FOUND} if none has that name
     */
    ServedModel unload(String name) {
        ServedModel removed;
        synchronized (this) {
            removed = models.remove(name);
            if (removed == null) {
                throw ServiceException.unknownModel(name);
            }
            keepRetiring(removed.batcher());
        }
        removed.batcher().retire();
        metrics.stopServing(name);
        return removed;
    }

    /**
     * Returns the model served under a name.
     *
     * @throws ServiceException {@link ErrorKind#MODEL_NOT_FOUND} if none has that name
     */
    ServedModel get(String name) {
        ServedModel model = models.get(name);
        if (model == null) {
            throw ServiceException.unknownModel(name);
        }
        return model;
    }

    /** Returns the models served, by name. */
    List<ServedModel> all() {
        return models.values().stream()
                .sorted(Comparator.comparing(ServedModel::name))
                .toList();
    }

    /**
     * The version of a model that admitted a request, and its answer to come.
     *
     * @param model the version
     * @param predictions every class of every image, ranked
     */
    record Answer(ServedModel model, CompletableFuture<List<Prediction>> predictions) {}

    /**
     * Admits a request for the model served under a name. At most {@code maxQueue} requests per name
     * are admitted at a time, counted from before their images are decoded until they are answered,
     * so an overloaded service refuses the excess before spending work on it, and the requests it took
     * wait behind a bounded number of others. Close the admission in any case; {@link
     * Admission#predict} hands it on to the answer.
     *
     * @throws ServiceException if no model has the name ({@link ErrorKind#MODEL_NOT_FOUND}) or too
     *     many requests for it are admitted ({@link ErrorKind#OVERLOADED})
     */
    Admission admit(String name) {
        get(name);
        AtomicInteger count = admitted.computeIfAbsent(name, key -> new AtomicInteger());
        if (count.incrementAndGet() > batching.maxQueue()) {
            count.decrementAndGet();
            throw ServiceException.overloaded(batching.maxQueue());
        }
        return new Admission(name, count);
    }

    /** One admitted request; its place is given back when it is answered, or on close if it never queued. */
    final class Admission implements AutoCloseable {
        private final String name;
        private final AtomicInteger count;
        private boolean handedOn;

        private Admission(String name, AtomicInteger count) {
            this.name = name;
            this.count = count;
        }

        /** Queues the request's images on whichever version of the model is current now. */
        Answer predict(List<float[]> images) {
            Answer answer = submit(name, images);
            handedOn = true;
            return new Answer(
                    answer.model(),
                    answer.predictions().whenComplete((predictions, failure) -> count.decrementAndGet()));
        }

        @Override
        public void close() {
            if (!handedOn) {
                handedOn = true;
                count.decrementAndGet();
            }
        }
    }

    private Answer submit(String name, List<float[]> images) {
        while (true) {
            ServedModel model = get(name);
            try {
                return new Answer(model, model.submit(images));
            } catch (PredictionBatcher.RetiredException e) {
                Thread.onSpinWait();
            }
        }
    }

    private int queued(String name) {
        ServedModel model = models.get(name);
        return model == null ? 0 : model.batcher().queued();
    }

    /** Remembers a retired batcher until its worker ends, for {@link #close}; forgets ended ones. */
    private void keepRetiring(PredictionBatcher batcher) {
        retiring.removeIf(PredictionBatcher::ended);
        retiring.add(batcher);
    }

    /**
     * Stops every model: queued requests are answered, then the engines' models are closed.
     *
     * @param wait how long to wait for the workers in all
     */
    void close(Duration wait) throws InterruptedException {
        List<PredictionBatcher> batchers;
        synchronized (this) {
            models.values().forEach(model -> keepRetiring(model.batcher()));
            models.clear();
            batchers = List.copyOf(retiring);
        }
        batchers.forEach(PredictionBatcher::retire);
        long deadline = System.nanoTime() + wait.toNanos();
        for (PredictionBatcher batcher : batchers) {
            batcher.awaitEnd(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }
}
