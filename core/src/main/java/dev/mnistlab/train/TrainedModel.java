package dev.mnistlab.train;

import ai.djl.Model;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A trained model and the result of its training run. Owns the model's native memory: close it.
 */
public final class TrainedModel implements AutoCloseable {

    private final Model model;
    private final TrainingResult result;

    TrainedModel(Model model, TrainingResult result) {
        this.model = model;
        this.result = result;
    }

    /** Returns the DJL model; it stays usable until this object is closed. */
    public Model model() {
        return model;
    }

    /** Returns the training run's figures and provenance. */
    public TrainingResult result() {
        return result;
    }

    /**
     * Writes the parameters in DJL's {@code .params} format, readable by every engine, as
     * {@code <folder>/<model>-<epochs>.params}.
     *
     * @param folder the destination folder, created if needed
     * @return the file written
     */
    public Path saveParameters(Path folder) throws IOException {
        String name = result.spec().architecture().name();
        model.setProperty("Epoch", String.valueOf(result.epochs().size()));
        model.save(folder, name);
        return folder.resolve(String.format("%s-%04d.params", name, result.epochs().size()));
    }

    @Override
    public void close() {
        model.close();
    }
}
