package dev.mnistlab.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mnistlab.eval.Evaluation;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class StepTimelineTest {

    private static final Evaluation SO_FAR = new Evaluation(0.5, 0.8, 32);

    @Test
    void steadyStateOfOneEpochIsItsSecondHalf() throws InterruptedException {
        StepTimeline timeline = new StepTimeline(new PrintWriter(new StringWriter()));
        timeline.onEpochStart(1, 1, 4);
        Thread.sleep(200);
        timeline.onBatch(1, 1, 4, SO_FAR);
        timeline.onBatch(1, 2, 4, SO_FAR);
        Thread.sleep(20);
        timeline.onBatch(1, 3, 4, SO_FAR);
        Thread.sleep(20);
        timeline.onBatch(1, 4, 4, SO_FAR);
        assertEquals(50, timeline.steadyStepsPerSecond(), 10);
    }

    @Test
    void steadyStateOfSeveralEpochsLeavesOutTheFirst() throws InterruptedException {
        StepTimeline timeline = new StepTimeline(new PrintWriter(new StringWriter()));
        timeline.onEpochStart(1, 2, 1);
        Thread.sleep(200);
        timeline.onBatch(1, 1, 1, SO_FAR);
        Thread.sleep(300);
        timeline.onEpochStart(2, 2, 2);
        Thread.sleep(20);
        timeline.onBatch(2, 1, 2, SO_FAR);
        Thread.sleep(20);
        timeline.onBatch(2, 2, 2, SO_FAR);
        assertEquals(50, timeline.steadyStepsPerSecond(), 10);
    }
}
