package dev.mnistlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    private static final int STEPS_PER_EPOCH = 100;
    private static final int EPOCHS = 10;
    private static final int TOTAL = STEPS_PER_EPOCH * EPOCHS;

    private static Tracker tracker(String name, Integer stepEpochs, Double factor, Double warmup) {
        return LearningRateSchedule.create(name, stepEpochs, factor, warmup).tracker(STEPS_PER_EPOCH, EPOCHS);
    }

    @Test
    void constantIsTheOptimizersRateThroughout() {
        Tracker constant = tracker(null, null, null, null);
        for (int step = 0; step < TOTAL; step += 37) {
            assertEquals(1f, constant.getNewValue(step));
        }
    }

    @Test
    void stepDecaysAtEpochBoundariesOnly() {
        Tracker step = tracker("step", 3, 0.5, null);
        assertEquals(1f, step.getNewValue(0));
        assertEquals(1f, step.getNewValue(3 * STEPS_PER_EPOCH - 1));
        assertEquals(0.5f, step.getNewValue(3 * STEPS_PER_EPOCH));
        assertEquals(0.25f, step.getNewValue(6 * STEPS_PER_EPOCH));
        assertEquals(0.125f, step.getNewValue(TOTAL - 1));
    }

    @Test
    void cosineFallsFromTheRateToZeroThroughHalfway() {
        Tracker cosine = tracker("cosine", null, null, null);
        assertEquals(1f, cosine.getNewValue(0));
        assertEquals(0.5f, cosine.getNewValue(TOTAL / 2), 1e-6f);
        assertTrue(cosine.getNewValue(TOTAL - 1) < 1e-4f);
        for (int step = 1; step < TOTAL; step++) {
            assertTrue(cosine.getNewValue(step) < cosine.getNewValue(step - 1), "step " + step);
        }
    }

    @Test
    void warmupRisesLinearlyThenFollowsTheCosine() {
        Tracker warm = tracker("warmup-cosine", null, null, 2.0);
        assertEquals(0f, warm.getNewValue(0));
        assertEquals(0.5f, warm.getNewValue(STEPS_PER_EPOCH), 1e-6f);
        assertEquals(1f, warm.getNewValue(2 * STEPS_PER_EPOCH));
        assertEquals(0.5f, warm.getNewValue(2 * STEPS_PER_EPOCH + (TOTAL - 2 * STEPS_PER_EPOCH) / 2), 1e-6f);
    }

    @Test
    void oneCycleStartsAtATwentyFifthPeaksAtThirtyPercentAndEndsNearZero() {
        Tracker cycle = tracker("one-cycle", null, null, null);
        assertEquals(0.04f, cycle.getNewValue(0), 1e-7f);
        assertEquals(1f, cycle.getNewValue(TOTAL * 3 / 10));
        assertTrue(cycle.getNewValue(TOTAL * 3 / 10 - 1) < 1f);
        assertTrue(cycle.getNewValue(TOTAL - 1) < 1e-4f);
        assertTrue(cycle.getNewValue(TOTAL - 1) >= 0.04f / 1e4f);
    }

    @Test
    void aRunOfOneStepStillHasARate() {
        for (String name : new String[] {"cosine", "warmup-cosine", "one-cycle"}) {
            Tracker tiny = LearningRateSchedule.create(name, null, null, name.equals("warmup-cosine") ? 0.5 : null)
                    .tracker(1, 1);
            assertTrue(tiny.getNewValue(0) >= 0 && tiny.getNewValue(0) <= 1, name);
        }
    }
}
