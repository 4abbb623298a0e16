package dev.mnistlab.serve;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads request bodies within the service's size limit: the declared length is checked before a
 * byte is read, and a body without one (chunked) is read to one byte past the limit at most. Before
 * an error answer, what is left of a body is read and dropped (up to {@value #SWALLOW_BYTES} bytes
 * past the limit, as Tomcat's {@code maxSwallowSize}): Jetty closes a connection with unread request
 * bytes, and a client still sending then meets a reset that can destroy the answer it was sent.
 */
final class RequestBodies {

    /** The multipart field that carries the image, as DJL Serving names it. */
    static final String IMAGE_FIELD = "data";

    /** How far past the limit a refused body is still read so that its sender sees the answer. */
    static final long SWALLOW_BYTES = 2L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(RequestBodies.class);

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

    /**
     * Reads and drops the rest of a request's body, so the connection is clean when the error
     * answer goes out. A body declared longer than the limit plus {@value #SWALLOW_BYTES}, or declared
     * over the limit by a client that waits for {@code 100 Continue} (and so has sent nothing), is
     * left unread: the answer then closes the connection.
     */
    void discardRest(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        boolean waitsForContinue = "100-continue".equalsIgnoreCase(ctx.header("Expect"));
        if (declared > limit + SWALLOW_BYTES || (declared > limit && waitsForContinue)) {
            return;
        }
        byte[] buffer = new byte[8192];
        long dropped = 0;
        try {
            InputStream in = ctx.req().getInputStream();
            for (int n = in.read(buffer); n >= 0 && dropped <= limit + SWALLOW_BYTES; n = in.read(buffer)) {
                dropped += n;
            }
        } catch (IOException | IllegalStateException e) {
            // The client stopped sending or the body was read another way; Jetty closes the connection.
            LOG.debug("{} {}: the rest of the body could not be dropped", ctx.method(), ctx.path(), e);
        }
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
