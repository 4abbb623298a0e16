package dev.mnistlab.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.infer.Prediction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Dynamic batching, the bounded queue and retirement, over a model whose forward pass is slow on purpose. */
class PredictionBatcherTest {

    private static final List<float[]> ONE_IMAGE = List.of(new float[784]);

    @Test
    void requestsThatArriveTogetherRunAsOneBatch() throws Exception {
        try (SlowModel slow = new SlowModel(Duration.ofMillis(50))) {
            List<Integer> recorded = new CopyOnWriteArrayList<>();
            PredictionBatcher batcher =
                    new PredictionBatcher(slow.classifier, "t", 8, Duration.ofMillis(500), 64, recorded::add);
            List<CompletableFuture<List<Prediction>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(batcher.submit(ONE_IMAGE));
            }
            answers.add(batcher.submit(List.of(new float[784], new float[784])));
            for (CompletableFuture<List<Prediction>> answer : answers) {
                assertEquals("0", answer.get(10, TimeUnit.SECONDS).get(0).best().name());
            }
            assertEquals(List.of(8, 2), slow.batches);
            assertEquals(List.of(8, 2), recorded);
            batcher.retire();
            assertTrue(batcher.awaitEnd(Duration.ofSeconds(10)));
        }
    }

    @Test
    void aFullQueueRefusesAtOnce() throws Exception {
        try (SlowModel slow = new SlowModel(Duration.ofMillis(400))) {
            PredictionBatcher batcher = new PredictionBatcher(slow.classifier, "t", 1, Duration.ZERO, 2, size -> {});
            CompletableFuture<List<Prediction>> running = batcher.submit(ONE_IMAGE);
            while (slow.batches.isEmpty()) {
                Thread.onSpinWait();
            }
            CompletableFuture<List<Prediction>> queuedFirst = batcher.submit(ONE_IMAGE);
            CompletableFuture<List<Prediction>> queuedSecond = batcher.submit(ONE_IMAGE);
            ServiceException full = assertThrows(ServiceException.class, () -> batcher.submit(ONE_IMAGE));
            assertEquals(ErrorKind.OVERLOADED, full.kind());
            assertEquals("the queue of 2 requests is full; retry after a second", full.getMessage());
            running.get(10, TimeUnit.SECONDS);
            queuedFirst.get(10, TimeUnit.SECONDS);
            queuedSecond.get(10, TimeUnit.SECONDS);
            batcher.retire();
            assertTrue(batcher.awaitEnd(Duration.ofSeconds(10)));
        }
    }

    @Test
    void aRetiredBatcherAnswersWhatItQueuedThenClosesTheClassifier() throws Exception {
        try (SlowModel slow = new SlowModel(Duration.ofMillis(100))) {
            PredictionBatcher batcher = new PredictionBatcher(slow.classifier, "t", 1, Duration.ZERO, 8, size -> {});
            List<CompletableFuture<List<Prediction>>> accepted = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                accepted.add(batcher.submit(ONE_IMAGE));
            }
            batcher.retire();
            assertThrows(PredictionBatcher.RetiredException.class, () -> batcher.submit(ONE_IMAGE));
            for (CompletableFuture<List<Prediction>> answer : accepted) {
                assertEquals(1, answer.get(10, TimeUnit.SECONDS).size());
            }
            assertTrue(batcher.awaitEnd(Duration.ofSeconds(10)));
            assertEquals(4, slow.batches.size());
            IllegalStateException closed =
                    assertThrows(IllegalStateException.class, () -> slow.classifier.classify(ONE_IMAGE, 1));
            assertEquals("this classifier is closed", closed.getMessage());
        }
    }
}
