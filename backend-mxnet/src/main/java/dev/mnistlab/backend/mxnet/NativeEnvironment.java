package dev.mnistlab.backend.mxnet;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * The process environment as native libraries see it. Java cannot change its own environment, but
 * MXNet reads settings with {@code getenv} when it loads, so they are set through the C library.
 */
final class NativeEnvironment {

    private interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);

        int dup(int descriptor);

        int dup2(int from, int to);

        int open(String path, int flags);

        int close(int descriptor);
    }

    private static final int STANDARD_ERROR = 2;
    private static final int WRITE_ONLY = 1;

    private static final CLibrary C = Native.load("c", CLibrary.class);

    private NativeEnvironment() {}

    /**
     * Sets a variable unless it already has a value.
     *
     * @return whether this call set it
     */
    static boolean setIfAbsent(String name, String value) {
        if (C.getenv(name) != null) {
            return false;
        }
        if (C.setenv(name, value, 0) != 0) {
            throw new IllegalStateException("could not set " + name + " in the process environment");
        }
        return true;
    }

    /**
     * Runs native code with the process's standard error sent to {@code /dev/null}, for libraries
     * that log unconditionally; Java's own {@code System.err} is the same file, so keep it short.
     */
    static void withStandardErrorSilenced(Runnable action) {
        int saved = C.dup(STANDARD_ERROR);
        int nothing = C.open("/dev/null", WRITE_ONLY);
        if (saved < 0 || nothing < 0) {
            action.run();
            return;
        }
        C.dup2(nothing, STANDARD_ERROR);
        try {
            action.run();
        } finally {
            C.dup2(saved, STANDARD_ERROR);
            C.close(saved);
            C.close(nothing);
        }
    }

    /** Returns a variable's value as native code sees it, or {@code "unset"}. */
    static String get(String name) {
        String value = C.getenv(name);
        return value == null ? "unset" : name + "=" + value;
    }
}
