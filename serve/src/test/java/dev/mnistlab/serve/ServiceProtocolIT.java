package dev.mnistlab.serve;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.data.ImageSet;
import dev.mnistlab.infer.DigitClassifier;
import dev.mnistlab.infer.Prediction;
import dev.mnistlab.testing.Pictures;
import dev.mnistlab.testing.TrainedFolders;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's protocols against a real server on 127.0.0.1 with real MNIST models: every
 * endpoint, every error with its status and body, and models replaced and unloaded under load.
 */
class ServiceProtocolIT {

    private static final double TOLERANCE = 1e-6;
    private static final long BODY_LIMIT = 100_000;

    @TempDir
    static Path temp;

    static Path store;
    static Path first;
    static Path second;
    static ImageSet test;
    static MnistlabServer server;
    static Http http;
    static DigitClassifier firstInProcess;
    static DigitClassifier secondInProcess;

    @BeforeAll
    static void start() throws IOException {
        store = Files.createDirectories(temp.resolve("store"));
        first = TrainedFolders.mlp(store.resolve("mlp-a"), 1);
        second = TrainedFolders.mlp(store.resolve("mlp-b"), 2);
        test = TrainedFolders.mnist().test();
        server = MnistlabServer.builder()
                .addModel("digits", first)
                .optPort(0)
                .optModelStore(store)
                .optMaxBodyBytes(BODY_LIMIT)
                .start();
        http = new Http(server.uri());
        firstInProcess = DigitClassifier.open(first, Backends.get("pytorch"));
        secondInProcess = DigitClassifier.open(second, Backends.get("pytorch"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (firstInProcess != null) {
            firstInProcess.close();
            secondInProcess.close();
        }
    }

    @Test
    void bindsToLoopbackOnTheChosenPort() {
        assertEquals("127.0.0.1", server.uri().getHost());
        assertTrue(server.port() > 0);
    }

    @Test
    void healthEndpointsAnswer() throws Exception {
        assertEquals("{\"status\":\"Healthy\"}", http.get("ping").body());
        assertEquals("{\"live\":true}", http.get("v2/health/live").body());
        assertEquals("{\"ready\":true}", http.get("v2/health/ready").body());
        Http.Reply ready = http.get("v2/models/digits/ready");
        assertEquals(200, ready.status());
        assertEquals("digits", ready.json().getAsJsonObject().get("name").getAsString());
    }

    @Test
    void predictionsEqualTheInProcessClassifiers() throws Exception {
        for (int i = 0; i < 20; i++) {
            byte[] png = Pngs.of(test, i);
            Http.Reply reply = http.post("predictions/digits", png, "image/png");
            assertEquals(200, reply.status(), reply.body());
            assertEquals("application/json", reply.header("Content-Type"));
            assertRanked(firstInProcess.classify(png, 5), reply.json().getAsJsonArray());
        }
        byte[] png = Pngs.of(test, 7);
        Http.Reply multipart = http.postMultipart("predictions/digits?topk=2", "data", png);
        assertEquals(200, multipart.status(), multipart.body());
        assertRanked(firstInProcess.classify(png, 2), multipart.json().getAsJsonArray());
    }

    @Test
    void kserveInferTakesPixelsAndPictures() throws Exception {
        JsonArray data = new JsonArray();
        for (int i = 0; i < 3; i++) {
            for (float value : test.scaledImage(i)) {
                data.add(value);
            }
        }
        Http.Reply pixels = http.postJson(
                "v2/models/digits/infer",
                "{\"id\": \"req-1\", \"inputs\": [{\"name\":"
                        + " \"input0\", \"shape\": [3, 1, 28, 28], \"datatype\": \"FP32\", \"data\": " + data + "}]}");
        assertEquals(200, pixels.status(), pixels.body());
        JsonObject answer = pixels.json().getAsJsonObject();
        assertEquals("req-1", answer.get("id").getAsString());
        assertEquals("digits", answer.get("model_name").getAsString());
        JsonObject probabilities = answer.getAsJsonArray("outputs").get(0).getAsJsonObject();
        assertEquals("[3,10]", probabilities.get("shape").toString());
        List<Prediction> expected =
                firstInProcess.classify(List.of(test.scaledImage(0), test.scaledImage(1), test.scaledImage(2)), 10);
        JsonArray values = probabilities.getAsJsonArray("data");
        JsonArray labels =
                answer.getAsJsonArray("outputs").get(1).getAsJsonObject().getAsJsonArray("data");
        for (int i = 0; i < 3; i++) {
            for (Prediction.RankedClass ranked : expected.get(i).ranked()) {
                assertEquals(
                        ranked.probability(),
                        values.get(i * 10 + ranked.index()).getAsDouble(),
                        TOLERANCE);
            }
            assertEquals(expected.get(i).best().name(), labels.get(i).getAsString());
        }

        String encoded = Base64.getEncoder().encodeToString(Pngs.of(test, 4));
        Http.Reply pictures = http.postJson(
                "v2/models/digits/infer",
                "{\"inputs\": [{\"name\": \"x\", \"shape\":" + " [1], \"datatype\": \"BYTES\", \"data\": [\"" + encoded
                        + "\"]}]}");
        assertEquals(200, pictures.status(), pictures.body());
        assertEquals(
                firstInProcess.classify(Pngs.of(test, 4), 1).best().name(),
                pictures.json()
                        .getAsJsonObject()
                        .getAsJsonArray("outputs")
                        .get(1)
                        .getAsJsonObject()
                        .getAsJsonArray("data")
                        .get(0)
                        .getAsString());
    }

    @Test
    void preparedShowsTheImageTheModelSees() throws Exception {
        HttpResponse<byte[]> reply = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(server.uri().resolve("prepared"))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(Pngs.of(test, 3)))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, reply.statusCode());
        assertEquals("image/png", reply.headers().firstValue("Content-Type").orElse(""));
        BufferedImage seen = ImageIO.read(new ByteArrayInputStream(reply.body()));
        assertNotNull(seen);
        assertEquals(28, seen.getWidth());
        assertEquals(28, seen.getHeight());
    }

    @Test
    void metadataDescribesModels() throws Exception {
        JsonObject listed = http.get("models").json().getAsJsonObject();
        assertEquals(
                "digits",
                listed.getAsJsonArray("models")
                        .get(0)
                        .getAsJsonObject()
                        .get("modelName")
                        .getAsString());
        JsonObject described =
                http.get("models/digits").json().getAsJsonArray().get(0).getAsJsonObject();
        assertEquals("mlp", described.get("architecture").getAsString());
        assertEquals("pytorch", described.get("engine").getAsString());
        assertEquals(32, described.get("batchSize").getAsInt());
        JsonObject kserve = http.get("v2/models/digits").json().getAsJsonObject();
        assertEquals(
                "[-1,1,28,28]",
                kserve.getAsJsonArray("inputs")
                        .get(0)
                        .getAsJsonObject()
                        .get("shape")
                        .toString());
        assertEquals("mnistlab_pytorch", kserve.get("platform").getAsString());
    }

    @Test
    void errorsSayWhatToDoWithTheirStatus() throws Exception {
        byte[] png = Pngs.of(test, 0);
        assertAll(
                () -> assertError(
                        404,
                        "ModelNotFoundException",
                        "no model named 'nope'; GET /models lists the models served",
                        http.post("predictions/nope", png, "image/png")),
                () -> assertKServeError(
                        404,
                        "no model named 'nope'; GET /models lists the models served",
                        http.postJson("v2/models/nope/infer", "{}")),
                () -> assertError(
                        400,
                        "BadRequestException",
                        "the image: not an image mnistlab can read (PNG, JPEG, BMP or GIF)",
                        http.post("predictions/digits", "hello".getBytes(StandardCharsets.UTF_8), "image/png")),
                () -> assertError(
                        400,
                        "BadRequestException",
                        "the request body is empty; send the image's bytes (PNG, JPEG, BMP or GIF) as the body or"
                                + " as the multipart field 'data'",
                        http.post("predictions/digits", new byte[0], "image/png")),
                () -> assertError(
                        400,
                        "BadRequestException",
                        "the image: 50000x50000 pixels, over the limit of 40 megapixels (20000 per side); scale the"
                                + " image down",
                        http.post("predictions/digits", Pictures.pngClaiming(50_000, 50_000), "image/png")),
                () -> assertError(
                        413,
                        "RequestTooLargeException",
                        "the body of 100001 bytes is over the limit of 100000 bytes; send a smaller image",
                        http.post("predictions/digits", new byte[(int) BODY_LIMIT + 1], "image/png")),
                () -> assertError(
                        413,
                        "RequestTooLargeException",
                        "the body is over the limit of 100000 bytes; send a smaller image",
                        chunked("predictions/digits", new byte[(int) BODY_LIMIT + 1])),
                () -> assertError(
                        400,
                        "BadRequestException",
                        "topk must be a whole number from 1 to 10, got '0'",
                        http.post("predictions/digits?topk=0", png, "image/png")),
                () -> assertError(
                        400,
                        "BadRequestException",
                        "the multipart body has no file field 'data'; send the image as -F \"data=@digit.png\"",
                        http.postMultipart("predictions/digits", "image", png)),
                () -> assertKServeError(
                        400,
                        "FP32 input has shape [1, 28, 28]; this model takes [N,1,28,28]",
                        http.postJson(
                                "v2/models/digits/infer",
                                "{\"inputs\": [{\"name\": \"x\", \"shape\":"
                                        + " [1, 28, 28], \"datatype\": \"FP32\", \"data\": [0]}]}")),
                () -> assertKServeError(
                        400,
                        "datatype INT8 is not taken; send FP32 pixels [N,1,28,28] or BYTES" + " pictures [N]",
                        http.postJson(
                                "v2/models/digits/infer",
                                "{\"inputs\": [{\"name\": \"x\", \"shape\": [1],"
                                        + " \"datatype\": \"INT8\", \"data\": [0]}]}")),
                () -> assertKServeError(
                        400,
                        "the prepared image holds 2.0; values must be in [0, 1] (divide 8-bit" + " pixels by 255)",
                        http.postJson("v2/models/digits/infer", fp32WithValue(2))),
                () -> assertTrue(http.postJson("v2/models/digits/infer", "{\"inputs\": [")
                        .body()
                        .startsWith("{\"error\":\"the body is not JSON")),
                () -> assertError(
                        405,
                        "MethodNotAllowedException",
                        "/predictions/digits does not take PUT",
                        http.method("PUT", "predictions/digits", png)),
                () -> assertError(
                        404,
                        "ResourceNotFoundException",
                        "no endpoint GET /nowhere; docs/serving.md lists them",
                        http.get("nowhere")));
    }

    /**
     * A client that writes its whole body before it reads (as most do) must see the 413, not a reset:
     * the body arrives only after the answer could have gone out, and the connection still serves.
     */
    @Test
    void aRefusedBodyIsReadSoItsSenderSeesTheAnswer() throws Exception {
        try (Socket socket = new Socket(server.uri().getHost(), server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /predictions/digits HTTP/1.1\r\nHost: test\r\nContent-Type: image/png\r\n"
                            + "Content-Length: " + (BODY_LIMIT + 1) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);
            out.write(new byte[(int) BODY_LIMIT + 1]);
            out.write("GET /ping HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answers = readUntil(socket.getInputStream(), "Healthy");
            assertTrue(answers.startsWith("HTTP/1.1 413 "), answers);
            assertFalse(answers.contains("Connection: close"), answers);
        }
    }

    private static String readUntil(InputStream in, String last) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[4096];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            seen.append(new String(buffer, 0, n, StandardCharsets.US_ASCII));
            if (seen.indexOf(last) >= 0) {
                break;
            }
        }
        return seen.toString();
    }

    @Test
    void modelStoreKeepsClientsInsideIt() throws Exception {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.createSymbolicLink(store.resolve("link-out"), outside);
        assertAll(
                () -> assertError(
                        403,
                        "ForbiddenException",
                        "url '/etc' is not a folder inside the model store",
                        http.post("models?url=/etc", new byte[0], "text/plain")),
                () -> assertError(
                        403,
                        "ForbiddenException",
                        "url '../outside' is not a folder inside the model store",
                        http.post("models?url=../outside", new byte[0], "text/plain")),
                () -> assertError(
                        403,
                        "ForbiddenException",
                        "url 'link-out' is not a folder inside the model store",
                        http.post("models?url=link-out", new byte[0], "text/plain")),
                () -> assertError(
                        400,
                        "BadRequestException",
                        "url 'http://example.org/m.zip' is not a local folder; only folders in the model store can be"
                                + " loaded",
                        http.post("models?url=http://example.org/m.zip", new byte[0], "text/plain")),
                () -> assertError(
                        400,
                        "BadRequestException",
                        "model_name 'bad name' is not valid; use 1-64 letters, digits, '.', '-' or '_', starting"
                                + " with a letter or digit",
                        http.post("models?url=mlp-b&model_name=bad%20name", new byte[0], "text/plain")),
                () -> assertError(
                        404,
                        "ModelNotFoundException",
                        "no model named 'never'; GET /models lists the models served",
                        http.delete("models/never")));
    }

    @Test
    void loadingReplacingAndUnloadingNeverFailARequest() throws Exception {
        List<byte[]> pngs = new ArrayList<>();
        List<Prediction> fromFirst = new ArrayList<>();
        List<Prediction> fromSecond = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pngs.add(Pngs.of(test, 100 + i));
            fromFirst.add(firstInProcess.classify(pngs.get(i), 10));
            fromSecond.add(secondInProcess.classify(pngs.get(i), 10));
        }
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<int[]>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int image = t;
            results.add(clients.submit(() -> {
                int[] counts = new int[2];
                while (running.get()) {
                    Http.Reply reply = http.post("predictions/digits?topk=10", pngs.get(image), "image/png");
                    assertEquals(200, reply.status(), reply.body());
                    JsonArray ranked = reply.json().getAsJsonArray();
                    if (matches(fromFirst.get(image), ranked)) {
                        counts[0]++;
                    } else if (matches(fromSecond.get(image), ranked)) {
                        counts[1]++;
                    } else {
                        throw new AssertionError("an answer from neither version: " + ranked);
                    }
                }
                return counts;
            }));
        }
        try {
            for (int round = 0; round < 6; round++) {
                String url = round % 2 == 0 ? "mlp-b" : "mlp-a";
                assertEquals(
                        200,
                        http.post("models?url=" + url + "&model_name=digits", new byte[0], "text/plain")
                                .status());
                assertEquals(
                        200,
                        http.post("models?url=" + url + "&model_name=extra", new byte[0], "text/plain")
                                .status());
                assertEquals(200, http.delete("models/extra").status());
                Thread.sleep(200);
            }
        } finally {
            running.set(false);
            clients.shutdown();
        }
        int[] total = new int[2];
        for (Future<int[]> result : results) {
            int[] counts = result.get();
            total[0] += counts[0];
            total[1] += counts[1];
        }
        assertTrue(
                total[0] > 0 && total[1] > 0,
                "answers from the first and second versions: " + total[0] + ", " + total[1]);
        assertEquals(List.of("digits"), server.modelNames());
    }

    @Test
    void metricsCountRequestsErrorsAndBatches() throws Exception {
        http.post("predictions/digits", Pngs.of(test, 0), "image/png");
        http.post("predictions/nope", Pngs.of(test, 0), "image/png");
        Http.Reply metrics = http.get("metrics");
        assertEquals(200, metrics.status());
        assertTrue(metrics.header("Content-Type").startsWith("text/plain"), metrics.header("Content-Type"));
        String text = metrics.body();
        assertAll(
                () -> assertTrue(
                        text.contains("mnistlab_requests_seconds_count{model=\"digits\",protocol=\"djl\","
                                + "status=\"200\"}"),
                        text),
                () -> assertTrue(
                        text.contains("mnistlab_requests_seconds_bucket{model=\"digits\",protocol=\"djl\","
                                + "status=\"200\",le=\"0.005\"}"),
                        text),
                () -> assertTrue(
                        text.contains("mnistlab_errors_total{kind=\"model_not_found\",model=\"unknown\"}"), text),
                () -> assertTrue(text.contains("mnistlab_batch_size_count{model=\"digits\"}"), text),
                () -> assertTrue(text.contains("mnistlab_queue_depth{model=\"digits\"}"), text));
    }

    private static void assertRanked(Prediction expected, JsonArray ranked) {
        assertEquals(expected.ranked().size(), ranked.size());
        for (int k = 0; k < ranked.size(); k++) {
            JsonObject entry = ranked.get(k).getAsJsonObject();
            assertEquals(expected.ranked().get(k).name(), entry.get("className").getAsString());
            assertEquals(
                    expected.ranked().get(k).probability(),
                    entry.get("probability").getAsDouble(),
                    TOLERANCE);
        }
    }

    private static boolean matches(Prediction expected, JsonArray ranked) {
        for (int k = 0; k < ranked.size(); k++) {
            JsonObject entry = ranked.get(k).getAsJsonObject();
            if (!expected.ranked().get(k).name().equals(entry.get("className").getAsString())
                    || Math.abs(expected.ranked().get(k).probability()
                                    - entry.get("probability").getAsDouble())
                            > TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    private static void assertError(int status, String type, String message, Http.Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        assertEquals("application/json", reply.header("Content-Type"));
        JsonObject body = reply.json().getAsJsonObject();
        assertEquals(status, body.get("code").getAsInt());
        assertEquals(type, body.get("type").getAsString());
        assertEquals(message, body.get("message").getAsString());
    }

    private static void assertKServeError(int status, String message, Http.Reply reply) {
        assertEquals(status, reply.status(), reply.body());
        JsonElement body = JsonParser.parseString(reply.body());
        assertNotNull(body.getAsJsonObject().get("error"), reply.body());
        assertEquals(message, body.getAsJsonObject().get("error").getAsString());
    }

    private static String fp32WithValue(float value) {
        JsonArray data = new JsonArray();
        for (int i = 0; i < 784; i++) {
            data.add(i == 300 ? value : 0f);
        }
        return "{\"inputs\": [{\"name\": \"x\", \"shape\": [1, 1, 28, 28], \"datatype\": \"FP32\", \"data\": " + data
                + "}]}";
    }

    /** Posts a body without a declared length (chunked), as a streaming client does. */
    private static Http.Reply chunked(String path, byte[] body) throws Exception {
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(server.uri().resolve(path))
                        .header("Content-Type", "image/png")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Http.Reply(response.statusCode(), response);
    }
}
