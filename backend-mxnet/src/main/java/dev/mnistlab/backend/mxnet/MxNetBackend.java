package dev.mnistlab.backend.mxnet;

import ai.djl.engine.Engine;
import ai.djl.mxnet.jna.JnaUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.machine.ProcessEnvironment;

/**
 * The Apache MXNet engine (MKL build), which DJL 0.36 still ships although MXNet itself has been
 * retired to the Apache Attic.
 *
 * <p>MXNet overwrites gradients on every backward pass, so optimizer updates need no follow-up.
 *
 * <p>MXNet's default engine queues every operation for worker threads. For models this small the
 * hand-over costs more than the operations (on 2 cores, MLP training ran at 13,400 samples/s
 * threaded and 27,500 with MXNet's synchronous {@code NaiveEngine}), so this backend selects the
 * NaiveEngine before MXNet loads, unless {@code MXNET_ENGINE_TYPE} is already set. Operations
 * still use every core through OpenMP. MXNet announces a chosen engine on standard error; when the
 * choice is this backend's, that one line is filtered out while the engine starts, and every other
 * line written meanwhile, by any thread, still arrives ({@link NativeEnvironment#withStandardErrorFiltered}).
 *
 * <p>The engine starts once per JVM, whichever instance asks first. MXNet takes its OpenMP thread
 * count when it starts ({@code OMP_NUM_THREADS}, set here through the C library by {@link
 * #useThreads} before the start): after that, the count is fixed for the JVM.
 */
public final class MxNetBackend implements Backend {

    private static final String ENGINE_TYPE_VARIABLE = "MXNET_ENGINE_TYPE";
    private static final String SYNCHRONOUS_ENGINE = "NaiveEngine";
    private static final String THREADS_VARIABLE = "OMP_NUM_THREADS";
    private static final String MKL_THREADS_VARIABLE = "MKL_NUM_THREADS";

    private static volatile boolean started;

    @Override
    public Engine engine() {
        if (!started) {
            start();
        }
        return Backend.super.engine();
    }

    /** Loads MXNet and creates its engine (on the first operation), with the engine type chosen. */
    private static synchronized void start() {
        if (started) {
            return;
        }
        if (ProcessEnvironment.setIfAbsent(ENGINE_TYPE_VARIABLE, SYNCHRONOUS_ENGINE)) {
            NativeEnvironment.withStandardErrorFiltered(new BannerFilter(), MxNetBackend::createEngine);
        } else {
            createEngine();
        }
        started = true;
    }

    private static void createEngine() {
        try (NDManager manager = Engine.getEngine("MXNet").newBaseManager()) {
            manager.zeros(new Shape(1)).toFloatArray();
        }
    }

    @Override
    public String name() {
        return "mxnet";
    }

    @Override
    public String engineName() {
        return "MXNet";
    }

    @Override
    public void finishUpdate(NDArray parameter) {
        // MXNet's backward pass writes fresh gradients; there is nothing to clear.
    }

    @Override
    public void awaitPendingWork() {
        JnaUtils.waitAll();
    }

    @Override
    public String cpuFlavor() {
        return "mkl";
    }

    @Override
    public String threads() {
        return computeThreads() + " OpenMP, " + ProcessEnvironment.describe(ENGINE_TYPE_VARIABLE);
    }

    /** Returns {@code OMP_NUM_THREADS} as MXNet read it, or one per core, OpenMP's default. */
    @Override
    public int computeThreads() {
        String value = ProcessEnvironment.value(THREADS_VARIABLE);
        try {
            return value == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    @Override
    public boolean threadsFixed() {
        return started;
    }

    /**
     * Sets {@code OMP_NUM_THREADS} (and {@code MKL_NUM_THREADS}) before MXNet starts.
     *
     * @throws IllegalStateException if MXNet already started with another count
     */
    @Override
    public void useThreads(int count) {
        synchronized (MxNetBackend.class) {
            if (started) {
                if (computeThreads() != count) {
                    throw new IllegalStateException("MXNet computes with " + computeThreads() + " threads in this"
                            + " JVM, fixed when it started; it cannot change to " + count + " (use another JVM)");
                }
                return;
            }
            ProcessEnvironment.set(THREADS_VARIABLE, Integer.toString(count));
            ProcessEnvironment.set(MKL_THREADS_VARIABLE, Integer.toString(count));
        }
    }
}
