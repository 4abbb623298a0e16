package dev.mnistlab.cli;

import dev.mnistlab.testing.IdxFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A tiny IDX dataset (64 training, 32 test images) and an MLP trained on it for one epoch through
 * the command line, for tests that damage or misuse them.
 *
 * @param data the dataset's folder
 * @param model the model folder
 */
record TinyModel(Path data, Path model) {

    /** Writes the data and trains the model under {@code folder}. */
    static TinyModel trainIn(Path folder) throws IOException {
        Path data = IdxFiles.writeDataset(folder.resolve("data"), 64, 32);
        Path model = folder.resolve("model");
        CliRun trained = CliRun.of(
                "train", "--data-dir", data.toString(), "--epochs", "1", "--quiet", "--output", model.toString());
        if (trained.exitCode() != 0) {
            throw new IllegalStateException("could not train the tiny model: " + trained.err());
        }
        return new TinyModel(data, model);
    }
}
