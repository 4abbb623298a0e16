package dev.mnistlab.train;

/**
 * Where an epoch's training time went, summed over its steps. Each phase ends at a point where the
 * engine has finished the phase's work ({@link dev.mnistlab.backend.Backend#awaitPendingWork}), so
 * asynchronous engines are charged to the right phase.
 *
 * @param batchingSeconds copying images into a batch and handing it to the engine
 * @param forwardBackwardSeconds forward pass, loss and backward pass
 * @param scoringSeconds reading the batch's loss and predictions for the running accuracy
 * @param optimizerSeconds the optimizer's update of every parameter
 */
public record StepPhases(
        double batchingSeconds, double forwardBackwardSeconds, double scoringSeconds, double optimizerSeconds) {

    /** Returns no time at all, to start a sum from. */
    public static StepPhases none() {
        return new StepPhases(0, 0, 0, 0);
    }

    /** Returns the phase-by-phase sum of this and {@code other}. */
    public StepPhases plus(StepPhases other) {
        return new StepPhases(
                batchingSeconds + other.batchingSeconds,
                forwardBackwardSeconds + other.forwardBackwardSeconds,
                scoringSeconds + other.scoringSeconds,
                optimizerSeconds + other.optimizerSeconds);
    }

    /** Returns the sum of the phases. */
    public double totalSeconds() {
        return batchingSeconds + forwardBackwardSeconds + scoringSeconds + optimizerSeconds;
    }

    /** Returns the optimizer's share of a step, in [0, 1]. */
    public double optimizerShare() {
        return optimizerSeconds / totalSeconds();
    }

    /** Returns batching's share of a step, in [0, 1]. */
    public double batchingShare() {
        return batchingSeconds / totalSeconds();
    }
}
