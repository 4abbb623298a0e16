package dev.mnistlab.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.testing.Fuzz;
import dev.mnistlab.testing.Mutations;
import dev.mnistlab.testing.TrainedFolders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged HTTP requests over raw sockets (requests, multipart and JSON bodies with flipped bytes,
 * cut short, with junk appended or fields overwritten): the service answers each with a status
 * below 500 (or 503), or closes the connection, and keeps answering; slow clients are cut off.
 */
class HttpFuzzIT {

    private static final Duration IDLE = Duration.ofSeconds(2);

    @TempDir
    static Path temp;

    static MnistlabServer server;
    static List<byte[]> seeds;

    @BeforeAll
    static void start() throws IOException {
        server = MnistlabServer.builder()
                .addModel("digits", TrainedFolders.mlp(temp.resolve("mlp"), 1))
                .optPort(0)
                .optMaxBodyBytes(100_000)
                .optIdleTimeout(IDLE)
                .start();
        byte[] png = Pngs.of(TrainedFolders.mnist().test(), 0);
        String boundary = "b0undary";
        byte[] multipart = concat(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"d.png\"\r\n"
                                + "Content-Type: image/png\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII),
                png,
                ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] json =
                ("{\"id\": \"1\", \"inputs\": [{\"name\": \"x\", \"shape\": [1], \"datatype\": \"BYTES\", \"data\": [\""
                                + Base64.getEncoder().encodeToString(png) + "\"]}]}")
                        .getBytes(StandardCharsets.US_ASCII);
        seeds = List.of(
                request("POST /predictions/digits?topk=3", "image/png", png),
                request("POST /predictions/digits", "multipart/form-data; boundary=" + boundary, multipart),
                request("POST /v2/models/digits/infer", "application/json", json),
                request("POST /models?url=x&model_name=y", "text/plain", new byte[0]),
                request("GET /models/digits", null, new byte[0]),
                chunked("POST /predictions/digits", png));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void damagedRequestsNeverGetAServerError() throws Exception {
        int cases = Fuzz.run(
                "HTTP requests", random -> Mutations.of(seeds.get(random.nextInt(seeds.size())), random), request -> {
                    String status = exchange(request);
                    // 503 is the service's own refusal; 505 is HTTP's answer to a version the client
                    // made up (HTTP/1.16), from Jetty's parser, as RFC 9110 15.6.6 asks. Any other 5xx is a fault.
                    assertFalse(
                            status.matches("HTTP/1\\.[01] 5(?!03|05)\\d\\d.*"),
                            () -> status + " for " + printable(request));
                });
        assertTrue(cases >= 1);
        assertEquals("HTTP/1.1 200 OK", exchange(seeds.get(0)));
        String metrics = new Http(server.uri()).get("metrics").body();
        assertFalse(metrics.contains("kind=\"internal\""), metrics);
    }

    @Test
    void aSilentClientIsCutOffAfterTheIdleTimeout() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout((int) IDLE.multipliedBy(5).toMillis());
            socket.getOutputStream()
                    .write("POST /predictions/digits HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\nabc"
                            .getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // whatever the service says before it closes
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(waited.compareTo(IDLE.multipliedBy(3)) < 0, "closed after " + waited);
        }
    }

    /** Sends a request, closes the sending side, and returns the status line ("" when closed without one). */
    private static String exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) >= 0 && answer.size() < 1 << 20; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no answer and no close within 10 s", e);
            } catch (IOException e) {
                // a reset after the service refused the request is an answer too
            }
            String text = answer.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n");
            return end < 0 ? text : text.substring(0, end);
        }
    }

    /** The start of a request as text, with control bytes escaped, for failure messages. */
    private static String printable(byte[] request) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(request.length, 400); i++) {
            int b = request[i] & 0xFF;
            text.append(b >= 32 && b < 127 ? String.valueOf((char) b) : String.format(Locale.ROOT, "\\x%02x", b));
        }
        return text.toString();
    }

    private static byte[] request(String line, String contentType, byte[] body) {
        StringBuilder head = new StringBuilder(line + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body.length > 0 || line.startsWith("POST")) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        return concat(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII), body);
    }

    private static byte[] chunked(String line, byte[] body) {
        byte[] head = (line + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: image/png\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        return concat(head, body, "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }
}
