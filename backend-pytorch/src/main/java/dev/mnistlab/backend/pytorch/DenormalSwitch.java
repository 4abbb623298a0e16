package dev.mnistlab.backend.pytorch;

import com.sun.jna.Function;
import java.util.Optional;

/**
 * libtorch's own switch for flushing denormal floats to zero, the static {@code
 * at::Context::setFlushDenormal(bool)} (Python's {@code torch.set_flush_denormal}), which DJL does
 * not bind. It sets the flush-to-zero and denormals-are-zero bits of the calling thread's SSE
 * control register, where the CPU has them. Where the function cannot be found ({@link
 * LibtorchFunction}), the switch does nothing.
 */
final class DenormalSwitch {

    /** The name the GNU C++ compiler gives {@code at::Context::setFlushDenormal(bool)}. */
    private static final String SET_FLUSH_DENORMAL = "_ZN2at7Context16setFlushDenormalEb";

    private final Optional<Function> setFlushDenormal;

    private DenormalSwitch(Optional<Function> setFlushDenormal) {
        this.setFlushDenormal = setFlushDenormal;
    }

    /** Finds the switch in the loaded libtorch; call after the engine has loaded. */
    static DenormalSwitch find() {
        return new DenormalSwitch(LibtorchFunction.find(SET_FLUSH_DENORMAL));
    }

    /**
     * Sets the calling thread's mode.
     *
     * @param flush whether to flush denormals to zero
     * @return whether the CPU and library could set it
     */
    boolean set(boolean flush) {
        return setFlushDenormal
                .map(function -> (Boolean) function.invoke(Boolean.class, new Object[] {flush}))
                .orElse(false);
    }
}
