package dev.mnistlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationPlanTest {

    private static List<EpochMetrics> epochs(double... validationLosses) {
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int e = 0; e < validationLosses.length; e++) {
            double loss = validationLosses[e];
            epochs.add(new EpochMetrics(e + 1, 0, 0, 0, 0, 1, 1, 0, StepPhases.none(), loss, 1 - loss, 0.001));
        }
        return epochs;
    }

    @Test
    void theBestEpochIsTheFirstOfEqualsInTheMonitoredDirection() {
        List<EpochMetrics> history = epochs(0.5, 0.3, 0.3, 0.4);
        assertEquals(2, ValidationPlan.create(0.1, "loss", null, null).bestEpoch(history));
        assertEquals(2, ValidationPlan.create(0.1, "accuracy", null, null).bestEpoch(history));
        assertEquals(4, ValidationPlan.create(0.1, "loss", null, "last").keptEpoch(history));
        assertEquals(2, ValidationPlan.create(0.1, "loss", null, "best").keptEpoch(history));
        assertEquals(4, ValidationPlan.NONE.keptEpoch(history));
    }

    @Test
    void aRunStopsPatienceEpochsAfterItsBest() {
        ValidationPlan plan = ValidationPlan.create(0.1, null, 2, null);
        assertFalse(plan.stopsAfter(epochs()));
        assertFalse(plan.stopsAfter(epochs(0.5, 0.3)));
        assertFalse(plan.stopsAfter(epochs(0.5, 0.3, 0.3)));
        assertTrue(plan.stopsAfter(epochs(0.5, 0.3, 0.3, 0.4)));
        assertFalse(plan.stopsAfter(epochs(0.5, 0.3, 0.3, 0.2)));
        assertFalse(ValidationPlan.create(0.1, null, null, null).stopsAfter(epochs(0.1, 0.2, 0.3, 0.4, 0.5)));
    }
}
