package dev.mnistlab.backend.pytorch;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.backend.BackendInfo;
import java.util.Arrays;

/**
 * The PyTorch engine (libtorch through DJL's JNI bindings).
 *
 * <p>Quirk handled here: PyTorch accumulates gradients until they are cleared, and DJL clears them
 * only inside its own optimizers, so updates made by mnistlab's NDArray-based optimizers clear the
 * gradient explicitly. Without that, gradients grow step after step and accuracy collapses.
 */
public final class PyTorchBackend implements Backend {

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

    @Override
    public BackendInfo describe() {
        Engine engine = engine();
        String threads = JniUtils.getNumThreads() + " intra-op, " + JniUtils.getNumInteropThreads() + " inter-op";
        String flavor = engine.getGpuCount() > 0 ? "cuda" : "cpu";
        return new BackendInfo(name(), engineName(), Engine.getDjlVersion(), engine.getVersion(), flavor,
                Arrays.stream(engine.getDevices()).map(Object::toString).toList(), engine.getGpuCount(), threads);
    }
}
