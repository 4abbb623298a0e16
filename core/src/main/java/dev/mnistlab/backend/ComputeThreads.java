package dev.mnistlab.backend;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.machine.CpuLoad;

/**
 * How many threads an engine computes one operation with (PyTorch's intra-op threads, MXNet's
 * OpenMP threads): a fixed count, or {@link #AUTO}.
 *
 * <p>Automatic choice, from measurements per model and engine on 2-core machines
 * (docs/benchmarks.md, "Threads"): a model of under {@value #SMALL_MODEL_FLOPS} FLOPs per image (the
 * seed's MLP has 50,000) computes each operation faster on one thread than split across cores, on
 * both engines, so it gets 1. A larger one (the CNN) is faster on every core when the cores are
 * free and on one when another process keeps one busy (PyTorch 810 against 577 samples/s quiet, 313
 * against 544 busy; MXNet 961 against 654, 372 against 837). On an engine that changes its count at
 * any time ({@link Backend#changesThreadsAnyTime}: PyTorch) it starts with every core the JVM may
 * use, and the training then times the model's own forward passes at one thread and at every core
 * and keeps the faster ({@code ClassifierTrainer}); an engine that fixes its count when it starts
 * (MXNet) gets the cores other processes leave free, measured over {@value #LOAD_SAMPLE_MILLIS} ms
 * when the choice is made. Auto never asks for more threads than the JVM's cores.
 *
 * <p>The same seed gives the same result with the same thread count; another count may change the
 * last digits (a sum split differently rounds differently).
 *
 * @param count the fixed count, or 0 for automatic
 */
public record ComputeThreads(int count) {

    /** Chosen per model and machine load; see the class description. */
    public static final ComputeThreads AUTO = new ComputeThreads(0);

    /** The most threads accepted. */
    public static final int MAX = 1024;

    /** Models with fewer FLOPs per image than this compute on one thread. */
    public static final long SMALL_MODEL_FLOPS = 1_000_000;

    private static final long LOAD_SAMPLE_MILLIS = 200;

    /** Checks the count. */
    public ComputeThreads {
        if (count < 0 || count > MAX) {
            throw new InvalidInputException(
                    InputField.THREADS, "threads must be between 1 and " + MAX + ", or auto, got " + count);
        }
    }

    /**
     * Parses {@code auto} or a count.
     *
     * @throws InvalidInputException if it is neither
     */
    public static ComputeThreads parse(String word) {
        if ("auto".equals(word)) {
            return AUTO;
        }
        try {
            int count = Integer.parseInt(word);
            if (count == 0) {
                throw new NumberFormatException("0");
            }
            return new ComputeThreads(count);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(
                    InputField.THREADS, "threads must be between 1 and " + MAX + ", or auto, got '" + word + "'");
        }
    }

    /** Returns whether the count is chosen automatically. */
    public boolean isAuto() {
        return count == 0;
    }

    /**
     * Returns the thread count to compute a model with on an engine on this machine now.
     *
     * @param backend the engine
     * @param flopsPerImage the model's forward FLOPs per image, e.g. {@code architecture.forwardFlops()}
     * @throws InvalidInputException if a fixed count exceeds the cores this JVM may use
     */
    public int resolve(Backend backend, long flopsPerImage) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (!isAuto()) {
            if (count > cores) {
                throw new InvalidInputException(
                        InputField.THREADS,
                        "threads " + count + " is more than the " + cores + " cores this JVM may use; ask for at most "
                                + cores + ", or auto");
            }
            return count;
        }
        if (flopsPerImage < SMALL_MODEL_FLOPS) {
            return 1;
        }
        return backend.changesThreadsAnyTime() ? cores : CpuLoad.freeCores(LOAD_SAMPLE_MILLIS);
    }

    /**
     * Makes an engine compute with this many threads: the count resolved for the model, or, for
     * {@link #AUTO} on an engine whose count is already fixed in this JVM, the engine's count.
     *
     * @param backend the engine
     * @param flopsPerImage the model's forward FLOPs per image
     * @return the thread count the engine now computes with
     * @throws InvalidInputException if a fixed count exceeds the cores this JVM may use
     * @throws IllegalStateException if a fixed count differs from one the engine can no longer change
     */
    public int applyTo(Backend backend, long flopsPerImage) {
        if (isAuto() && backend.threadsFixed()) {
            return backend.computeThreads();
        }
        int resolved = resolve(backend, flopsPerImage);
        backend.useThreads(resolved);
        return resolved;
    }

    /** Returns {@code auto} or the count, as users type it. */
    @Override
    public String toString() {
        return isAuto() ? "auto" : Integer.toString(count);
    }
}
