package dev.mnistlab.cli;

import ai.djl.Model;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.backend.DeviceChoice;
import dev.mnistlab.files.AtomicFolder;
import dev.mnistlab.model.ModelDescriptor;
import dev.mnistlab.model.ModelFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The engine and device options of commands that run a saved model, and the loading they share.
 * Subclasses declare {@code --model}: required ({@link SavedModelOptions}) or not
 * ({@link OptionalModelOptions}).
 */
abstract class ModelOptions {

    @Option(
            names = "--engine",
            defaultValue = Backends.DEFAULT,
            paramLabel = "NAME",
            description =
                    "Engine: pytorch or mxnet (default: ${DEFAULT-VALUE}); need not be the one that trained the model.")
    String engine;

    @Option(
            names = "--device",
            defaultValue = "auto",
            paramLabel = "WHERE",
            description = "auto, cpu or gpu (default: ${DEFAULT-VALUE}).")
    String device;

    @Mixin
    ThreadsOption threads;

    /** Returns the model folder given with {@code --model}, or null. */
    abstract Path folder();

    /** Reads the folder's {@code model.json}, first putting back a folder that a killed save left aside. */
    ModelDescriptor descriptor() throws IOException {
        AtomicFolder.recover(folder());
        return ModelFolder.readDescriptor(folder());
    }

    /** Returns the chosen engine. */
    Backend backend() {
        return Backends.get(engine);
    }

    /**
     * Loads the model described by {@code descriptor} on the chosen engine and device; the caller
     * closes it. Notices about the device go to {@code err}.
     */
    Model load(ModelDescriptor descriptor, Backend backend, PrintWriter err) {
        threads.parsed().applyTo(backend, descriptor.architecture().forwardFlops());
        return ModelFolder.load(
                folder(), descriptor, backend, DeviceResolver.resolve(DeviceChoice.parse(device), backend, err));
    }
}
