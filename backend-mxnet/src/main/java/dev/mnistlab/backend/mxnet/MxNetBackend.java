package dev.mnistlab.backend.mxnet;

import ai.djl.engine.Engine;
import ai.djl.mxnet.jna.JnaUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.mnistlab.backend.Backend;
import java.util.regex.Pattern;

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
 * <p>The engine starts once per JVM, whichever instance asks first.
 */
public final class MxNetBackend implements Backend {

    private static final String ENGINE_TYPE_VARIABLE = "MXNET_ENGINE_TYPE";
    private static final String SYNCHRONOUS_ENGINE = "NaiveEngine";

    /**
     * What MXNet prints when it creates its engine, e.g.
     * {@code [15:26:49] ../src/engine/engine.cc:55: MXNet start using engine: NaiveEngine}.
     */
    static final Pattern ENGINE_BANNER = Pattern.compile("\\[[0-9:]+\\] \\S*: MXNet start using engine: \\w+");

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
        if (NativeEnvironment.setIfAbsent(ENGINE_TYPE_VARIABLE, SYNCHRONOUS_ENGINE)) {
            NativeEnvironment.withStandardErrorFiltered(MxNetBackend::withoutBanner, MxNetBackend::createEngine);
        } else {
            createEngine();
        }
        started = true;
    }

    /** Returns a line of standard error without MXNet's banner, empty if it was the banner alone. */
    static String withoutBanner(String line) {
        String rest = ENGINE_BANNER.matcher(line).replaceAll("");
        return rest.equals(line) || !rest.isBlank() ? rest : "";
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
        String omp = System.getenv("OMP_NUM_THREADS");
        String openMp = omp != null
                ? omp + " OpenMP (OMP_NUM_THREADS)"
                : Runtime.getRuntime().availableProcessors() + " OpenMP (one per core; set OMP_NUM_THREADS to change)";
        return openMp + ", " + NativeEnvironment.get(ENGINE_TYPE_VARIABLE);
    }
}
