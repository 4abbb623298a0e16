package dev.mnistlab.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mnistlab.testing.TrainedFolders;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full queue answers 503 with Retry-After and the service stays up; closing the service answers
 * the requests in flight before it stops. A slow model holds the requests where the test needs them.
 */
class OverloadAndShutdownIT {

    private static byte[] seven;

    @TempDir
    Path temp;

    @Test
    void aFullQueueAnswers503AndTheServiceStaysUp() throws Exception {
        try (SlowModel slow = new SlowModel(Duration.ofMillis(600));
                MnistlabServer server = serverWithSlowModel(slow, 2)) {
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            sent.add(sendAsync(server, "predictions/slow"));
            waitFor(() -> slow.batches.size() == 1);
            sent.add(sendAsync(server, "predictions/slow"));
            waitFor(() -> queued(server) == 1);
            Http.Reply refused = new Http(server.uri()).post("predictions/slow", pngOfSeven(), "image/png");
            assertEquals(503, refused.status(), refused.body());
            assertEquals("1", refused.header("Retry-After"));
            assertEquals(
                    "{\"code\":503,\"type\":\"ServiceUnavailableException\",\"message\":\"the queue of 2 requests is"
                            + " full; retry after a second\"}",
                    refused.body());
            for (CompletableFuture<HttpResponse<String>> answer : sent) {
                assertEquals(200, answer.get().statusCode());
            }
            assertEquals(200, new Http(server.uri()).get("ping").status());
        }
    }

    @Test
    void closingAnswersTheRequestsInFlightFirst() throws Exception {
        try (SlowModel slow = new SlowModel(Duration.ofMillis(300))) {
            MnistlabServer server = serverWithSlowModel(slow, 64);
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sent.add(sendAsync(server, "predictions/slow"));
            }
            waitFor(() -> slow.batches.size() == 1 && queued(server) == 3);
            URI address = server.uri();
            server.close();
            for (CompletableFuture<HttpResponse<String>> answer : sent) {
                assertEquals(200, answer.get().statusCode(), answer.get().body());
            }
            assertEquals(4, slow.batches.stream().mapToInt(Integer::intValue).sum());
            IOException refused = assertThrows(IOException.class, () -> new Http(address).get("ping"));
            assertEquals(ConnectException.class, refused.getClass());
        }
    }

    private MnistlabServer serverWithSlowModel(SlowModel slow, int maxQueue) throws IOException {
        Path mlp = TrainedFolders.mlp(temp.resolve("mlp"), 1);
        MnistlabServer server = MnistlabServer.builder()
                .addModel("mlp", mlp)
                .optPort(0)
                .optMaxBatchSize(1)
                .optMaxBatchDelay(Duration.ZERO)
                .optMaxQueue(maxQueue)
                .start();
        server.registry().serve("slow", mlp, "pytorch", SlowModel.DESCRIPTOR, slow.classifier);
        return server;
    }

    private static int queued(MnistlabServer server) {
        return server.registry().get("slow").batcher().queued();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 30 s in vain");
            }
            Thread.sleep(2);
        }
    }

    private static CompletableFuture<HttpResponse<String>> sendAsync(MnistlabServer server, String path)
            throws IOException {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .sendAsync(
                        HttpRequest.newBuilder(server.uri().resolve(path))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(pngOfSeven()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static synchronized byte[] pngOfSeven() throws IOException {
        if (seven == null) {
            seven = Pngs.of(TrainedFolders.mnist().test(), 0);
        }
        return seven;
    }
}
