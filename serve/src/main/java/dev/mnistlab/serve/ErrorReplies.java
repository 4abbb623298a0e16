package dev.mnistlab.serve;

import com.google.gson.JsonObject;
import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every failed request with JSON a client can act on, in the protocol of its path: KServe's
 * {@code {"error": "..."}} under {@code /v2/}, DJL Serving's {@code {"code", "type", "message"}}
 * elsewhere. Faults of the service itself are logged with their stack trace and answered 500. The
 * rest of the request's body is dropped first, so a client still sending it reads the answer.
 */
final class ErrorReplies {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReplies.class);

    /** Set on a request once its error is answered, so Javalin's status handlers leave it alone. */
    private static final String ANSWERED = "mnistlab.error";

    private final ServiceMetrics metrics;
    private final RequestBodies bodies;

    ErrorReplies(ServiceMetrics metrics, RequestBodies bodies) {
        this.metrics = metrics;
        this.bodies = bodies;
    }

    /** Answers any exception a handler threw or a prediction completed with. */
    void send(Exception thrown, Context ctx) {
        Throwable e = thrown;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof ServiceException service) {
            send(ctx, service.kind(), service.getMessage());
        } else if (e instanceof InvalidInputException invalid) {
            send(
                    ctx,
                    ErrorKind.BAD_INPUT,
                    invalid.field()
                            .map(field -> invalid.messageNaming(parameter(field)))
                            .orElse(invalid.getMessage()));
        } else if (e instanceof HttpResponseException javalin) {
            sendJavalin(javalin, ctx);
        } else {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            send(
                    ctx,
                    ErrorKind.INTERNAL,
                    "internal error (" + e.getClass().getSimpleName() + "); the service's log has the details");
        }
    }

    /** The HTTP API's word for an input core's messages name. */
    private static String parameter(InputField field) {
        return switch (field) {
            case MODEL_NAME -> "model_name";
            case TOP_K -> "topk";
            case MODEL_FOLDER -> "url";
            default -> field.apiName();
        };
    }

    private void sendJavalin(HttpResponseException e, Context ctx) {
        switch (e.getStatus()) {
            case 404 -> sendNoEndpoint(ctx);
            case 405 -> sendWrongMethod(ctx);
            case 413 -> send(ctx, ErrorKind.TOO_LARGE, "the body is over the limit; send a smaller image");
            default -> send(ctx, e.getStatus() >= 500 ? ErrorKind.INTERNAL : ErrorKind.BAD_INPUT, e.getMessage());
        }
    }

    /** Answers a path no endpoint has, unless a handler already answered 404 itself. */
    void sendNoEndpoint(Context ctx) {
        if (ctx.attribute(ANSWERED) == null) {
            send(
                    ctx,
                    ErrorKind.NOT_FOUND,
                    "no endpoint " + ctx.method() + " " + ctx.path() + "; docs/serving.md lists them");
        }
    }

    /** Answers a method the path does not take. */
    void sendWrongMethod(Context ctx) {
        if (ctx.attribute(ANSWERED) == null) {
            send(ctx, ErrorKind.METHOD_NOT_ALLOWED, ctx.path() + " does not take " + ctx.method());
        }
    }

    void send(Context ctx, ErrorKind kind, String message) {
        ctx.attribute(ANSWERED, kind);
        bodies.discardRest(ctx);
        metrics.error(ServiceMetrics.modelOf(ctx), kind);
        if (kind == ErrorKind.OVERLOADED) {
            ctx.header("Retry-After", "1");
        }
        JsonObject body = new JsonObject();
        if (ctx.path().startsWith(KServeApi.PATH_PREFIX)) {
            body.addProperty("error", message);
        } else {
            body.addProperty("code", kind.status());
            body.addProperty("type", kind.type());
            body.addProperty("message", message);
        }
        JsonReplies.send(ctx, kind.status(), body);
    }
}
