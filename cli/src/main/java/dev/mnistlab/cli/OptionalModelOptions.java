package dev.mnistlab.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of the commands that may use a saved model: the folder (optional), the engine and the device. */
final class OptionalModelOptions extends ModelOptions {

    @Option(
            names = "--model",
            paramLabel = "DIR",
            description = "A model folder written by 'mnistlab train --output', whose predictions to show"
                    + " (default: none; images are titled with their labels).")
    Path folder;

    @Override
    Path folder() {
        return folder;
    }

    /** Returns true if {@code --model} was given. */
    boolean given() {
        return folder != null;
    }
}
