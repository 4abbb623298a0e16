package dev.mnistlab.serve;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.mnistlab.infer.Prediction;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * DJL Serving's inference and management API, so its clients work unchanged: {@code GET /ping},
 * {@code POST /predictions/{model}} (an image as the body or the multipart field {@code data};
 * {@code ?topk=}), and {@code GET/POST /models}, {@code GET/DELETE /models/{model}}.
 */
final class DjlServingApi {

    static final String PROTOCOL = "djl";

    /** DJL's {@code Classifications} show five classes unless asked otherwise. */
    private static final int DEFAULT_TOP_K = 5;

    private final ModelRegistry registry;
    private final RequestBodies bodies;
    private final ImageDecoding decoding;
    private final ModelStore store;
    private final String defaultEngine;
    private final BatchSettings batching;

    DjlServingApi(
            ModelRegistry registry,
            RequestBodies bodies,
            ImageDecoding decoding,
            ModelStore store,
            String defaultEngine,
            BatchSettings batching) {
        this.registry = registry;
        this.bodies = bodies;
        this.decoding = decoding;
        this.store = store;
        this.defaultEngine = defaultEngine;
        this.batching = batching;
    }

    void addRoutes(JavalinDefaultRoutingApi routes) {
        routes.get("/ping", ctx -> JsonReplies.send(ctx, status("Healthy")));
        routes.post("/predictions/{model}", this::predict);
        routes.get("/models", this::list);
        routes.post("/models", this::load);
        routes.get("/models/{model}", this::describe);
        routes.delete("/models/{model}", this::unload);
    }

    private void predict(Context ctx) throws IOException {
        String name = ctx.pathParam("model");
        int classCount = registry.get(name).classNames().size();
        JsonReplies.reached(ctx, name);
        int topK = topK(ctx.queryParam("topk"), classCount);
        ModelRegistry.Answer answer;
        try (ModelRegistry.Admission admission = registry.admit(name)) {
            answer = admission.predict(List.of(decoding.prepare(bodies.image(ctx), "the image")));
        }
        JsonReplies.answeredBy(ctx, answer.model());
        ctx.future(() -> answer.predictions()
                .thenAccept(predictions -> JsonReplies.send(ctx, ranked(predictions.get(0), topK))));
    }

    static int topK(String asked, int classCount) {
        if (asked == null) {
            return Math.min(DEFAULT_TOP_K, classCount);
        }
        try {
            int topK = Integer.parseInt(asked.trim());
            if (topK >= 1 && topK <= classCount) {
                return topK;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw ServiceException.badInput(
                "topk must be a whole number from 1 to " + classCount + ", got '" + asked + "'");
    }

    private static JsonArray ranked(Prediction prediction, int topK) {
        JsonArray classes = new JsonArray();
        for (Prediction.RankedClass ranked : prediction.ranked().subList(0, topK)) {
            JsonObject entry = new JsonObject();
            entry.addProperty("className", ranked.name());
            entry.addProperty("probability", ranked.probability());
            classes.add(entry);
        }
        return classes;
    }

    private void list(Context ctx) {
        JsonArray models = new JsonArray();
        for (ServedModel model : registry.all()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("modelName", model.name());
            entry.addProperty("modelUrl", model.folder().toUri().toString());
            entry.addProperty("status", "READY");
            models.add(entry);
        }
        JsonObject body = new JsonObject();
        body.add("models", models);
        JsonReplies.send(ctx, body);
    }

    private void describe(Context ctx) {
        ServedModel model = registry.get(ctx.pathParam("model"));
        JsonObject entry = new JsonObject();
        entry.addProperty("modelName", model.name());
        entry.addProperty("version", Long.toString(model.version()));
        entry.addProperty("modelUrl", model.folder().toUri().toString());
        entry.addProperty("engine", model.engine());
        entry.addProperty("architecture", model.descriptor().architecture().name());
        entry.addProperty("dataset", model.descriptor().dataset());
        JsonArray classes = new JsonArray();
        model.classNames().forEach(classes::add);
        entry.add("classNames", classes);
        entry.addProperty("batchSize", batching.maxBatchSize());
        entry.addProperty("maxBatchDelayMillis", batching.maxBatchDelay().toMillis());
        entry.addProperty("queueSize", batching.maxQueue());
        entry.addProperty("queued", model.batcher().queued());
        entry.addProperty("loadedAt", model.loadedAt().toString());
        entry.addProperty("status", "READY");
        JsonArray versions = new JsonArray();
        versions.add(entry);
        JsonReplies.send(ctx, versions);
    }

    private void load(Context ctx) throws IOException {
        Path folder = store.resolve(ctx.queryParam("url"));
        String name = ctx.queryParam("model_name");
        if (name == null) {
            name = folder.getFileName().toString();
        }
        ModelRegistry.requireName(name);
        String engine = ctx.queryParam("engine");
        ServedModel model = registry.load(name, folder, engine == null ? defaultEngine : engine);
        JsonReplies.send(ctx, status("Model \"" + model.name() + "\" registered."));
    }

    private void unload(Context ctx) {
        ServedModel model = registry.unload(ctx.pathParam("model"));
        JsonReplies.send(ctx, status("Model \"" + model.name() + "\" unregistered"));
    }

    private static JsonObject status(String text) {
        JsonObject body = new JsonObject();
        body.addProperty("status", text);
        return body;
    }
}
