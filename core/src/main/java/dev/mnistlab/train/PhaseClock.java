package dev.mnistlab.train;

import dev.mnistlab.backend.Backend;

/** Sums the time of each step phase over an epoch; see {@link StepPhases}. */
final class PhaseClock {

    /** The phases of a training step, in order. */
    enum Phase {
        BATCHING,
        FORWARD_BACKWARD,
        SCORING,
        OPTIMIZER
    }

    private final Backend backend;
    private final long[] nanos = new long[Phase.values().length];
    private long lastMark;

    PhaseClock(Backend backend) {
        this.backend = backend;
    }

    /** Starts a step. */
    void startStep() {
        lastMark = System.nanoTime();
    }

    /** Ends a phase once the engine has finished its work; the next phase starts now. */
    // An array indexed by phase keeps boxing out of the training step.
    @SuppressWarnings("EnumOrdinal")
    void end(Phase phase) {
        backend.awaitPendingWork();
        long now = System.nanoTime();
        nanos[phase.ordinal()] += now - lastMark;
        lastMark = now;
    }

    StepPhases phases() {
        return new StepPhases(
                seconds(Phase.BATCHING),
                seconds(Phase.FORWARD_BACKWARD),
                seconds(Phase.SCORING),
                seconds(Phase.OPTIMIZER));
    }

    @SuppressWarnings("EnumOrdinal")
    private double seconds(Phase phase) {
        return nanos[phase.ordinal()] / 1e9;
    }
}
