package dev.mnistlab.backend.pytorch;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.mnistlab.backend.Backend;

/**
 * The PyTorch engine (libtorch through DJL's JNI bindings).
 *
 * <p>Quirk handled here: PyTorch accumulates gradients until they are cleared, and DJL clears them
 * only inside its own optimizers, so updates made by mnistlab's NDArray-based optimizers clear the
 * gradient explicitly. Without that, gradients grow step after step and accuracy collapses.
 */
public final class PyTorchBackend implements Backend {

    /**
     * Tunes the C allocator libtorch uses ({@link GlibcAllocator}) and how its OpenMP threads wait
     * ({@link OpenMpWaitPolicy}), once, before the engine loads.
     */
    @Override
    public Engine engine() {
        GlibcAllocator.tuneOnce();
        OpenMpWaitPolicy.sleepWhenIdleOnce();
        return Backend.super.engine();
    }

    @Override
    public String name() {
        return "pytorch";
    }

    @Override
    public String engineName() {
        return "PyTorch";
    }

    @Override
    public void finishUpdate(NDArray parameter) {
        JniUtils.zeroGrad((PtNDArray) parameter);
    }

    /**
     * Nothing to wait for on the CPU, where libtorch finishes each operation before returning. On
     * CUDA, kernels may still run; the next read of a result waits for them.
     */
    @Override
    public void awaitPendingWork() {}

    @Override
    public String cpuFlavor() {
        return "cpu";
    }

    @Override
    public int computeThreads() {
        engine();
        return JniUtils.getNumThreads();
    }

    /** libtorch changes its intra-op thread count at any time; inter-op threads are left as they are. */
    @Override
    public void useThreads(int count) {
        engine();
        if (JniUtils.getNumThreads() != count) {
            JniUtils.setNumThreads(count);
        }
    }

    /**
     * Turns libtorch's grad mode off for the calling thread: it is thread-local, on by default, and
     * DJL turns it off only on the thread that starts the engine. DJL's gradient collector turns it on
     * while it collects and off when it closes.
     */
    @Override
    public void prepareThread() {
        engine();
        JniUtils.setGradMode(false);
    }

    /** libtorch's intra-op pool is resized by {@link #useThreads}, before or after it starts. */
    @Override
    public boolean changesThreadsAnyTime() {
        return true;
    }

    @Override
    public String threads() {
        engine();
        return JniUtils.getNumThreads() + " intra-op, " + JniUtils.getNumInteropThreads() + " inter-op";
    }
}
