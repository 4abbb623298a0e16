package dev.mnistlab.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options of the commands that need a saved model: the folder (required), the engine and the device. */
final class SavedModelOptions extends ModelOptions {

    @Option(
            names = "--model",
            required = true,
            paramLabel = "DIR",
            description = "Model folder written by 'mnistlab train --output'.")
    Path folder;

    @Override
    Path folder() {
        return folder;
    }
}
