package dev.mnistlab.report;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.model.ModelDescriptor;
import dev.mnistlab.model.ModelFolder;
import dev.mnistlab.train.TrainedModel;
import dev.mnistlab.train.TrainingResult;
import dev.mnistlab.train.TrainingSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The output folder of a training run: a loadable model folder ({@code model.json} and the
 * parameters) plus {@code metrics.json}, written as a whole by {@link AtomicFolder}.
 */
public final class RunOutput {

    private RunOutput() {}

    /**
     * Checks that a folder may be written: absent, empty, or an earlier model folder.
     *
     * @throws InvalidInputException if writing would replace something that is not a model folder
     */
    public static void requireWritable(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("--output " + folder + " is a file; give a folder (it is created if needed)");
        }
        boolean empty;
        try (Stream<Path> entries = Files.list(folder)) {
            empty = entries.findAny().isEmpty();
        }
        if (!empty && !Files.exists(folder.resolve(ModelFolder.DESCRIPTOR_FILE))) {
            throw new InvalidInputException("--output " + folder + " holds files but no model; give a new or empty"
                    + " folder, or one written by 'mnistlab train --output'");
        }
    }

    /**
     * Writes (or replaces) the output folder of a run.
     *
     * @param trained the trained model and its result
     * @param folder the output folder
     */
    public static void write(TrainedModel trained, Path folder) throws IOException {
        requireWritable(folder);
        TrainingResult result = trained.result();
        TrainingSpec spec = result.spec();
        ModelDescriptor descriptor = new ModelDescriptor(spec.architecture(), spec.dataset(),
                spec.dataset().classNames());
        trained.model().setProperty("Epoch", String.valueOf(result.epochs().size()));
        AtomicFolder.write(folder, staging -> {
            ModelFolder.write(staging, trained.model(), descriptor, MetricsReport.toJson(result));
            MetricsReport.write(result, staging);
        });
    }
}
