package dev.mnistlab.backend.pytorch;

import dev.mnistlab.machine.ProcessEnvironment;

/**
 * Makes libtorch's OpenMP threads sleep as soon as they run out of work ({@code
 * OMP_WAIT_POLICY=PASSIVE}) instead of spinning for a while first, the GNU OpenMP default.
 *
 * <p>A spinning thread takes the core from the thread that hands out the work: on the 2-core
 * machine this was measured on (docs/benchmarks.md, "OpenMP threads that sleep"), the MLP trained
 * at 2 threads at 21,700 samples/s with spinning workers and 27,800 with sleeping ones (median of
 * 4 runs each), and the CNN no slower (945-1,009 against 1,027-1,091). The variable is read once,
 * when libtorch's OpenMP library loads, so it is set in this process's environment ({@link
 * ProcessEnvironment}) before the engine loads, unless the user set {@code OMP_WAIT_POLICY} or
 * {@code GOMP_SPINCOUNT} themselves.
 */
final class OpenMpWaitPolicy {

    private static final String VARIABLE = "OMP_WAIT_POLICY";

    private static volatile boolean applied;

    private OpenMpWaitPolicy() {}

    /** Applies the policy once, before the engine loads. */
    static synchronized void sleepWhenIdleOnce() {
        if (applied) {
            return;
        }
        applied = true;
        if (System.getProperty("os.name").startsWith("Windows") || ProcessEnvironment.value("GOMP_SPINCOUNT") != null) {
            return;
        }
        ProcessEnvironment.setIfAbsent(VARIABLE, "PASSIVE");
    }
}
