package dev.mnistlab.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mnistlab.train.TrainingSpec;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FigureTest {

    @Test
    void keysAreCsvFriendlyAndUnique() {
        assertEquals("latency_p50_us", Figure.LATENCY_P50.key());
        assertEquals("train_steady_samples_s", Figure.STEADY_THROUGHPUT.key());
        assertEquals(
                Figure.values().length,
                Arrays.stream(Figure.values()).map(Figure::key).distinct().count());
    }

    @Test
    void sharesArePrintedAsPercentages() {
        PairFigures figures = CompareFixtures.figures(
                new PairRequest("pytorch", TrainingSpec.builder().build(), "mlp", Path.of("data"), 1), 0.9, "2");
        assertEquals(10.0, Figure.OPTIMIZER_SHARE.of(figures), 1e-9);
        assertEquals("10.0", Figure.OPTIMIZER_SHARE.format(Figure.OPTIMIZER_SHARE.of(figures)));
    }
}
