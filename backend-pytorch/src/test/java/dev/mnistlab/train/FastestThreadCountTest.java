package dev.mnistlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.backend.Backends;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The probe on PyTorch, which changes its thread count at any time, with a model slow at one count. */
class FastestThreadCountTest {

    private final Backend backend = Backends.get("pytorch");

    @Test
    void choosesOneThreadWhenTwoAreSlower() {
        assertEquals(1, chooseWithSlowCount(2));
        assertEquals(1, backend.computeThreads());
    }

    @Test
    void choosesTwoThreadsWhenOneIsSlower() {
        assertEquals(2, chooseWithSlowCount(1));
        assertEquals(2, backend.computeThreads());
    }

    private int chooseWithSlowCount(int slowCount) {
        LambdaBlock model = new LambdaBlock(input -> {
            if (backend.computeThreads() == slowCount) {
                sleepMillis(3);
            }
            return new NDList(input.head().duplicate());
        });
        try (NDManager manager = backend.engine().newBaseManager()) {
            return FastestThreadCount.choose(backend, model, manager, new Shape(4, 1, 28, 28), 2, 1);
        }
    }

    private static void sleepMillis(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
