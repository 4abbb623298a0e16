package dev.mnistlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EpochOrderTest {

    @Test
    void shuffledIsAPermutationFixedBySeedAndEpoch() {
        int[] order = EpochOrder.shuffled(1000, 42, 1);
        assertArrayEquals(
                EpochOrder.sequential(1000), Arrays.stream(order).sorted().toArray());
        assertArrayEquals(order, EpochOrder.shuffled(1000, 42, 1));
        assertFalse(Arrays.equals(order, EpochOrder.shuffled(1000, 42, 2)), "epochs differ");
        assertFalse(Arrays.equals(order, EpochOrder.shuffled(1000, 43, 1)), "seeds differ");
        assertFalse(Arrays.equals(order, EpochOrder.sequential(1000)), "shuffled");
    }
}
