package dev.mnistlab.serve;

import java.util.Locale;

/**
 * The kinds of error the service answers with: the HTTP status, the {@code type} that DJL Serving's
 * error body carries, and the label the {@code mnistlab_errors_total} metric counts them under.
 */
enum ErrorKind {
    BAD_INPUT(400, "BadRequestException"),
    FORBIDDEN(403, "ForbiddenException"),
    MODEL_NOT_FOUND(404, "ModelNotFoundException"),
    NOT_FOUND(404, "ResourceNotFoundException"),
    METHOD_NOT_ALLOWED(405, "MethodNotAllowedException"),
    TOO_LARGE(413, "RequestTooLargeException"),
    OVERLOADED(503, "ServiceUnavailableException"),
    INTERNAL(500, "InternalServerException");

    private final int status;
    private final String type;

    ErrorKind(int status, String type) {
        this.status = status;
        this.type = type;
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    /** Returns the metric label, e.g. {@code bad_input}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
