package dev.mnistlab.machine;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * The process environment as native libraries see it, through the C library's {@code getenv} and
 * {@code setenv}. Java cannot change its own environment ({@code System.getenv} is a copy taken at
 * start), but engines read settings such as {@code OMP_WAIT_POLICY} or {@code MXNET_ENGINE_TYPE}
 * with {@code getenv} when their libraries load, so a backend sets them here first. Unix only.
 */
public final class ProcessEnvironment {

    private interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    private static final CLibrary C = Native.load("c", CLibrary.class);

    private ProcessEnvironment() {}

    /**
     * Sets a variable unless it already has a value.
     *
     * @param name the variable
     * @param value its value
     * @return whether this call set it
     * @throws IllegalStateException if the C library refuses
     */
    public static boolean setIfAbsent(String name, String value) {
        if (C.getenv(name) != null) {
            return false;
        }
        set(name, value);
        return true;
    }

    /**
     * Sets a variable, replacing any value.
     *
     * @param name the variable
     * @param value its value
     * @throws IllegalStateException if the C library refuses
     */
    public static void set(String name, String value) {
        if (C.setenv(name, value, 1) != 0) {
            throw new IllegalStateException("could not set " + name + " in the process environment");
        }
    }

    /**
     * Returns a variable's value as native code sees it.
     *
     * @param name the variable
     * @return its value, or null where it is unset
     */
    public static String value(String name) {
        return C.getenv(name);
    }

    /**
     * Describes a variable's setting as native code sees it.
     *
     * @param name the variable
     * @return {@code NAME=value}, or {@code "unset"}
     */
    public static String describe(String name) {
        String value = value(name);
        return value == null ? "unset" : name + "=" + value;
    }
}
