package dev.mnistlab.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(new Spread(2, 1, 9, 3), Spread.of(9, 1, 2));
        assertEquals(new Spread(2.5, 1, 9, 4), Spread.of(9, 1, 2, 3));
    }

    @Test
    void unmeasuredValuesAreLeftOut() {
        assertEquals(new Spread(4, 4, 4, 1), Spread.of(Double.NaN, 4));
        assertEquals(0, Spread.of(Double.NaN).count());
        assertEquals("n/a", Spread.of().format(Figure.LATENCY_P50));
    }

    @Test
    void formatShowsTheRangeOnlyForRepeatedValues() {
        assertEquals("12,345", Spread.of(12_345).format(Figure.STEADY_THROUGHPUT));
        assertEquals("12,345 (12,000-13,000)", Spread.of(12_000, 12_345, 13_000).format(Figure.STEADY_THROUGHPUT));
    }
}
