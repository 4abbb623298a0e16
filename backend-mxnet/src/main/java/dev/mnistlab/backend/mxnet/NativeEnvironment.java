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
    }

    private static final CLibrary C = Native.load("c", CLibrary.class);

    private NativeEnvironment() {}

    /** Sets a variable unless it already has a value. */
    static void setIfAbsent(String name, String value) {
        if (C.setenv(name, value, 0) != 0) {
            throw new IllegalStateException("could not set " + name + " in the process environment");
        }
    }

    /** Returns a variable's value as native code sees it, or {@code "unset"}. */
    static String get(String name) {
        String value = C.getenv(name);
        return value == null ? "unset" : name + "=" + value;
    }
}
