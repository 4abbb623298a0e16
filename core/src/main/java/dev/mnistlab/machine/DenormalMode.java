package dev.mnistlab.machine;

import com.sun.jna.Native;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The calling thread's handling of denormal floats (below about 1.2e-38 in magnitude): IEEE 754's
 * gradual underflow, or flushed to zero. Set through the C library's {@code fegetenv} and {@code
 * fesetenv}, as the flush-to-zero and denormals-are-zero bits of the SSE control register (MXCSR),
 * which every x86-64 CPU has; it decides for native code the thread runs, an engine's kernels
 * included. The JVM does not reset it when native code returns, so Java arithmetic in the thread
 * is affected too until it is cleared.
 *
 * <p>Linux on x86-64 only, where glibc keeps MXCSR at byte 28 of its {@code fenv_t}; elsewhere
 * {@link #set} does nothing and {@link #isSupported} says so.
 */
public final class DenormalMode {

    private static final int FENV_BYTES = 32;
    private static final int MXCSR_OFFSET = 28;
    private static final int FLUSH_TO_ZERO = 0x8000;
    private static final int DENORMALS_ARE_ZERO = 0x0040;
    private static final int FLUSHING = FLUSH_TO_ZERO | DENORMALS_ARE_ZERO;

    /** The C library's calls, bound directly (JNA's direct mapping: no proxy, no argument boxing). */
    private static final class Libm {
        static native int fegetenv(byte[] environment);

        static native int fesetenv(byte[] environment);

        private Libm() {}
    }

    private static final boolean BOUND = bind();

    private static boolean bind() {
        if (!isSupported()) {
            return false;
        }
        Native.register(Libm.class, "m");
        return true;
    }

    private DenormalMode() {}

    /** Returns whether this system lets {@link #set} change the mode (Linux on x86-64). */
    public static boolean isSupported() {
        return System.getProperty("os.name").equals("Linux")
                && System.getProperty("os.arch").equals("amd64");
    }

    /**
     * Sets the calling thread's mode.
     *
     * @param flush whether to flush denormals to zero
     */
    public static void set(boolean flush) {
        if (!BOUND) {
            return;
        }
        byte[] environment = new byte[FENV_BYTES];
        Libm.fegetenv(environment);
        ByteBuffer fields = ByteBuffer.wrap(environment).order(ByteOrder.LITTLE_ENDIAN);
        int mxcsr = fields.getInt(MXCSR_OFFSET);
        fields.putInt(MXCSR_OFFSET, flush ? mxcsr | FLUSHING : mxcsr & ~FLUSHING);
        Libm.fesetenv(environment);
    }
}
