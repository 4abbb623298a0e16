package dev.mnistlab.report;

import dev.mnistlab.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that a front end adds to a run's output folder each time {@link RunOutput} writes it,
 * inside the same atomic write: the command line adds a picture of the training curves this way,
 * which keeps drawing code out of core.
 *
 * <pre>{@code
 * RunFolderExtra notes = (result, folder) -> Files.writeString(folder.resolve("notes.txt"), "epochs: "
 *         + result.epochs().size());
 * RunOutput.save(trained, Path.of("runs/mlp"), notes);
 * }</pre>
 */
@FunctionalInterface
public interface RunFolderExtra {

    /**
     * Writes the file.
     *
     * @param result the run's figures so far
     * @param folder the folder being written (a staging folder, renamed into place when complete)
     */
    void write(TrainingResult result, Path folder) throws IOException;
}
