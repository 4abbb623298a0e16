package dev.mnistlab.backend.pytorch;

import ai.djl.pytorch.jni.LibUtils;
import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a C function exported by the loaded {@code libtorch_cpu.so}, for the few switches DJL does
 * not bind, through JNA. Linux only: elsewhere the library has another name, and C++ functions
 * other mangled names.
 */
final class LibtorchFunction {

    private LibtorchFunction() {}

    /**
     * Returns the function, once the engine has loaded.
     *
     * @param symbol its name in the library's symbol table
     * @return the function, or empty off Linux or where the library lacks it
     */
    static Optional<Function> find(String symbol) {
        if (!System.getProperty("os.name").equals("Linux")) {
            return Optional.empty();
        }
        try {
            Path library = Path.of(LibUtils.getLibtorchPath(), "libtorch_cpu.so");
            return Optional.of(NativeLibrary.getInstance(library.toString()).getFunction(symbol));
        } catch (UnsatisfiedLinkError missing) {
            return Optional.empty();
        }
    }
}
