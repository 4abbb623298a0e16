package dev.mnistlab.serve;

import com.google.gson.JsonElement;
import io.javalin.http.Context;

/** Writes JSON answers. */
final class JsonReplies {

    static final String MODEL_VERSION_HEADER = "X-Mnistlab-Model-Version";

    private JsonReplies() {}

    static void send(Context ctx, int status, JsonElement body) {
        ctx.status(status).contentType("application/json").result(body.toString());
    }

    static void send(Context ctx, JsonElement body) {
        send(ctx, 200, body);
    }

    /** Notes, for the metrics, that a request reached a served model. */
    static void reached(Context ctx, String model) {
        ctx.attribute(ServiceMetrics.MODEL_ATTRIBUTE, model);
    }

    /** Names the model version that answers, in a header. */
    static void answeredBy(Context ctx, ServedModel model) {
        ctx.header(MODEL_VERSION_HEADER, Long.toString(model.version()));
    }
}
