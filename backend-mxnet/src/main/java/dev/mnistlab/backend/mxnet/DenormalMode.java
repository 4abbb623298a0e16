package dev.mnistlab.backend.mxnet;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;

/**
 * The calling thread's handling of denormal floats, through the C library's {@code fegetenv} and
 * {@code fesetenv}: the flush-to-zero and denormals-are-zero bits of the SSE control register
 * (MXCSR). MXNet has no switch of its own, and with the synchronous engine this backend chooses,
 * its operations run on the calling thread, so that thread's register decides.
 *
 * <p>Linux on x86-64 only, where glibc keeps MXCSR at byte 28 of its {@code fenv_t}; elsewhere
 * nothing happens.
 */
final class DenormalMode {

    private static final int FENV_BYTES = 32;
    private static final int MXCSR_OFFSET = 28;
    private static final int FLUSH_TO_ZERO = 0x8000;
    private static final int DENORMALS_ARE_ZERO = 0x0040;
    private static final int FLUSHING = FLUSH_TO_ZERO | DENORMALS_ARE_ZERO;

    private interface MathLibrary extends Library {
        int fegetenv(Memory environment);

        int fesetenv(Memory environment);
    }

    private static final MathLibrary LIBM = supported() ? Native.load("m", MathLibrary.class) : null;

    private DenormalMode() {}

    private static boolean supported() {
        return System.getProperty("os.name").equals("Linux")
                && System.getProperty("os.arch").equals("amd64");
    }

    /**
     * Sets the calling thread's mode.
     *
     * @param flush whether to flush denormals to zero
     */
    static void set(boolean flush) {
        if (LIBM == null) {
            return;
        }
        try (Memory environment = new Memory(FENV_BYTES)) {
            LIBM.fegetenv(environment);
            int mxcsr = environment.getInt(MXCSR_OFFSET);
            environment.setInt(MXCSR_OFFSET, flush ? mxcsr | FLUSHING : mxcsr & ~FLUSHING);
            LIBM.fesetenv(environment);
        }
    }
}
