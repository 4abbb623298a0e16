package dev.mnistlab.backend.mxnet;

import ai.djl.ndarray.NDArray;
import dev.mnistlab.backend.Backend;

/**
 * The Apache MXNet engine (MKL build), which DJL 0.36 still ships although MXNet itself has been
 * retired to the Apache Attic.
 *
 * <p>MXNet overwrites gradients on every backward pass, so optimizer updates need no follow-up.
 * It computes asynchronously: figures that time it must read a result first.
 */
public final class MxNetBackend implements Backend {

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
    public String cpuFlavor() {
        return "mkl";
    }

    @Override
    public String threads() {
        String omp = System.getenv("OMP_NUM_THREADS");
        return omp != null ? omp + " OpenMP (OMP_NUM_THREADS)"
                : Runtime.getRuntime().availableProcessors() + " OpenMP (one per core; set OMP_NUM_THREADS to change)";
    }
}
