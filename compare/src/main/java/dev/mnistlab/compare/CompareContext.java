package dev.mnistlab.compare;

import dev.mnistlab.machine.MachineInfo;
import java.time.Instant;

/**
 * Provenance of a comparison: where, when and how it was run.
 *
 * @param machine the machine
 * @param command the command line, as the user would type it again
 * @param startedAt when the comparison started
 * @param title what made the comparison, as the report's title names it, e.g. {@code mnistlab compare}
 * @param isolation how the measurements were kept apart, one sentence for the report: a JVM of its
 *     own per pair ({@link #JVM_PER_PAIR}), or whatever the runner did instead
 */
public record CompareContext(MachineInfo machine, String command, Instant startedAt, String title, String isolation) {

    /** How {@code mnistlab compare} keeps its measurements apart. */
    public static final String JVM_PER_PAIR = "Every (engine, model) pair trains in a JVM of its own with the same"
            + " spec, seed and data, so no engine's memory, JIT warm-up or thread pools affect another's figures.";

    /** A comparison made by {@code mnistlab compare}: each pair in a JVM of its own. */
    public CompareContext(MachineInfo machine, String command, Instant startedAt) {
        this(machine, command, startedAt, "mnistlab compare", JVM_PER_PAIR);
    }

    /** Returns whether each pair ran in a JVM of its own, as {@code mnistlab compare} runs them. */
    public boolean jvmPerPair() {
        return JVM_PER_PAIR.equals(isolation);
    }
}
