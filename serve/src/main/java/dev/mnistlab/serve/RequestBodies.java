package dev.mnistlab.serve;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads request bodies within the service's size limit: the declared length is checked before a
 * byte is read, and a body without one (chunked) is read to one byte past the limit at most.
 */
final class RequestBodies {

    /** The multipart field that carries the image, as DJL Serving names it. */
    static final String IMAGE_FIELD = "data";

    private final long limit;

    RequestBodies(long limit) {
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

    /**
     * Returns the image a prediction request carries: the raw body, or the multipart field
     * {@value #IMAGE_FIELD}.
     *
     * @throws ServiceException {@link ErrorKind#TOO_LARGE} over the limit, {@link ErrorKind#BAD_INPUT}
     *     if there is no image
     */
    byte[] image(Context ctx) throws IOException {
        requireDeclaredLength(ctx);
        byte[] bytes =
                ctx.isMultipart() ? multipartImage(ctx) : bounded(ctx.req().getInputStream());
        if (bytes.length == 0) {
            throw ServiceException.badInput("the request body is empty; send the image's bytes (PNG, JPEG, BMP or GIF)"
                    + " as the body or as the multipart field '" + IMAGE_FIELD + "'");
        }
        return bytes;
    }

    /** Returns the whole body, for JSON requests. */
    byte[] all(Context ctx) throws IOException {
        requireDeclaredLength(ctx);
        return bounded(ctx.req().getInputStream());
    }

    private byte[] multipartImage(Context ctx) throws IOException {
        UploadedFile part;
        try {
            part = ctx.uploadedFile(IMAGE_FIELD);
        } catch (Exception e) { // Javalin passes the servlet API's checked ServletException on unchecked
            throw multipartFault(e);
        }
        if (part == null) {
            throw ServiceException.badInput("the multipart body has no file field '" + IMAGE_FIELD
                    + "'; send the image as -F \"" + IMAGE_FIELD + "=@digit.png\"");
        }
        try (InputStream in = part.content()) {
            return bounded(in);
        }
    }

    private ServiceException multipartFault(Exception e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String detail = root.toString();
        if (detail.contains("exceed") || detail.contains("too large") || detail.contains("Too large")) {
            return tooLarge("the multipart body");
        }
        return new ServiceException(
                ErrorKind.BAD_INPUT,
                "the multipart body cannot be read (" + detail + "); send a well-formed"
                        + " multipart/form-data body with the image in the field '" + IMAGE_FIELD + "'",
                e);
    }

    private void requireDeclaredLength(Context ctx) {
        if (ctx.req().getContentLengthLong() > limit) {
            throw tooLarge("the body of " + ctx.req().getContentLengthLong() + " bytes");
        }
    }

    /** Reads at most one byte past the limit; a body the client cut short is the client's error. */
    private byte[] bounded(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(Math.toIntExact(limit + 1));
        } catch (IOException e) {
            throw new ServiceException(
                    ErrorKind.BAD_INPUT,
                    "the request body could not be read (" + e.getMessage() + "); send the whole body its"
                            + " Content-Length declares",
                    e);
        }
        if (bytes.length > limit) {
            throw tooLarge("the body");
        }
        return bytes;
    }

    private ServiceException tooLarge(String what) {
        return new ServiceException(
                ErrorKind.TOO_LARGE, what + " is over the limit of " + limit + " bytes; send a smaller image");
    }
}
