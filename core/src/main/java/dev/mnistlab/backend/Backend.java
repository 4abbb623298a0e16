package dev.mnistlab.backend;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import dev.mnistlab.machine.DenormalMode;
import java.util.Arrays;

/**
 * One DJL engine as mnistlab uses it: its name, its facts, and whatever it does differently.
 *
 * <p>Implementations live in the backend modules and are found with {@link java.util.ServiceLoader};
 * use {@link Backends#get(String)} rather than constructing one. Everything engine-specific that
 * {@code core} needs goes through this interface, so {@code core} compiles against no engine.
 */
public interface Backend {

    /** Returns the name users type with {@code --engine}: {@code pytorch} or {@code mxnet}. */
    String name();

    /** Returns DJL's name for the engine, as {@link Engine#getEngine(String)} takes it. */
    String engineName();

    /**
     * Returns the engine, loading its native library on first use.
     *
     * <p>{@link Backends#get(String)} has set DJL's offline and default-engine properties by then.
     */
    default Engine engine() {
        return Engine.getEngine(engineName());
    }

    /**
     * Finishes an optimizer's in-place update of a parameter from its gradient.
     *
     * <p>Engines differ: PyTorch accumulates gradients until they are cleared, MXNet overwrites
     * them on each backward pass. DJL's built-in optimizers handle this inside the engine for the
     * array they are given; mnistlab's optimizers call this after updating {@code parameter}, also
     * when they updated it through a buffer it is a view of.
     *
     * @param parameter the parameter just updated, whose gradient belongs to this step
     */
    void finishUpdate(NDArray parameter);

    /**
     * Makes the engine's arithmetic for the calling thread treat denormal floats (below about
     * 1.2e-38 in magnitude) as zero, or, with {@code false}, follow IEEE 754 again. Optimizers turn
     * it on for their step only: on x86 CPUs each operation on a denormal costs about a hundred
     * times a normal one, and an optimizer's decaying state can hold thousands of them. The
     * setting belongs to the thread, so Java arithmetic in between is affected too; keep the
     * stretch short.
     *
     * <p>This default sets the calling thread's mode ({@link DenormalMode}), which is what decides
     * for an engine that computes on the calling thread (PyTorch, and MXNet with the synchronous
     * engine this project starts it with); an engine that computes elsewhere overrides it.
     *
     * @param flush whether to flush denormals to zero
     */
    default void flushDenormals(boolean flush) {
        DenormalMode.set(flush);
    }

    /**
     * Makes the calling thread compute as mnistlab's training expects: gradients recorded only
     * inside a gradient collector. An engine that keeps this per thread sets it here; PyTorch's grad
     * mode is thread-local and on in every thread but the one that started the engine, so a model
     * trained on another thread (a pool's, an executor's) would record its own initialisation and
     * optimizer updates, and its parameters would stop receiving gradients. Call it on the thread
     * that trains, before the model is made. The default does nothing.
     */
    default void prepareThread() {}

    /**
     * Waits until every operation queued so far has finished.
     *
     * <p>Timings are only real at such points: MXNet queues operations and returns at once, so a
     * clock read without waiting would charge the work to whatever waits next. PyTorch on the CPU
     * computes each operation before returning.
     */
    void awaitPendingWork();

    /** Returns which native build is loaded when no GPU is visible, e.g. {@code cpu} or {@code mkl}. */
    String cpuFlavor();

    /** Describes how many threads the engine computes with, in the engine's own terms. */
    String threads();

    /**
     * Returns how many threads the engine computes one operation with (PyTorch's intra-op threads,
     * MXNet's OpenMP threads). Loads the engine if it is not loaded yet.
     */
    int computeThreads();

    /**
     * Makes the engine compute each operation with {@code count} threads, for the whole JVM: engines
     * keep one thread pool per process. Choose the count with {@link ComputeThreads#resolve}.
     *
     * @param count the thread count, at least 1
     * @throws IllegalStateException if the engine cannot change its count any more (MXNet fixes it
     *     when it starts)
     */
    void useThreads(int count);

    /**
     * Returns whether the engine can change its thread count at any time, also after it started. A
     * training with an automatic count then tries every core and one thread on the model itself and
     * keeps the faster (see {@link ComputeThreads}); an engine that fixes its count when it starts
     * (MXNet's OpenMP) gets the cores other processes leave free. False by default.
     */
    default boolean changesThreadsAnyTime() {
        return false;
    }

    /** Returns whether the engine's thread count can no longer change in this JVM. */
    default boolean threadsFixed() {
        return false;
    }

    /** Describes the engine: versions, devices, threads. Loads the engine if it is not loaded yet. */
    default BackendInfo describe() {
        Engine engine = engine();
        int gpus = engine.getGpuCount();
        return new BackendInfo(
                name(),
                engineName(),
                Engine.getDjlVersion(),
                engine.getVersion(),
                gpus > 0 ? "cuda" : cpuFlavor(),
                Arrays.stream(engine.getDevices()).map(Object::toString).toList(),
                gpus,
                threads());
    }
}
