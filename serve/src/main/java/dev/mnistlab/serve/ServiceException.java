package dev.mnistlab.serve;

/**
 * A request the service refuses, with the HTTP status and the kind of error a client can act on.
 * Handlers throw it; one exception handler writes it as JSON in the protocol of the request's path.
 */
final class ServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;

    ServiceException(ErrorKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    ServiceException(ErrorKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    ErrorKind kind() {
        return kind;
    }

    static ServiceException unknownModel(String name) {
        return new ServiceException(
                ErrorKind.MODEL_NOT_FOUND, "no model named '" + name + "'; GET /models lists the models served");
    }

    static ServiceException overloaded(int maxQueue) {
        return new ServiceException(
                ErrorKind.OVERLOADED, "the queue of " + maxQueue + " requests is full; retry after a second");
    }

    static ServiceException badInput(String message) {
        return new ServiceException(ErrorKind.BAD_INPUT, message);
    }
}
