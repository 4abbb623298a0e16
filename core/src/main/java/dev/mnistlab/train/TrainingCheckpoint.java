package dev.mnistlab.train;

import com.google.gson.JsonObject;
import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.Plural;
import dev.mnistlab.files.FileKind;
import dev.mnistlab.files.FiniteJson;
import dev.mnistlab.model.ModelDescriptor;
import dev.mnistlab.model.ModelFolder;
import java.io.IOException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * What a model folder holds to continue its training run: the run's spec, the epochs completed
 * and (in {@value #STATE_FILE}) the optimizer's state. The parameters are the folder's model.
 *
 * @param folder the model folder
 * @param descriptor the model the folder holds
 * @param spec the run's configuration
 * @param completed the figures of the epochs completed, in order
 * @param dataFolder the folder the run's data came from, as it recorded it (null in a record that
 *     names none)
 */
public record TrainingCheckpoint(
        Path folder, ModelDescriptor descriptor, TrainingSpec spec, List<EpochMetrics> completed, Path dataFolder) {

    /** The file holding the optimizer's state. */
    public static final String STATE_FILE = "optimizer.state";

    /** Copies the epoch list so the record stays immutable. */
    public TrainingCheckpoint {
        completed = List.copyOf(completed);
    }

    /**
     * Returns the run's spec extended to {@code epochs} epochs in all.
     *
     * @throws InvalidInputException if the checkpoint already has that many epochs
     */
    public TrainingSpec continuedTo(int epochs) {
        int done = completed.size();
        if (epochs <= done) {
            throw new InvalidInputException(
                    InputField.CHECKPOINT_FOLDER,
                    "checkpointFolder " + folder
                            + " already has " + Plural.count(done, "epoch") + "; ask for " + (done + 1)
                            + " or more epochs in all to train further");
        }
        return spec.withEpochs(epochs);
    }

    /**
     * Reads a model folder's checkpoint.
     *
     * @throws InvalidInputException if the folder is not a model folder or holds no checkpoint
     */
    public static TrainingCheckpoint read(Path folder) throws IOException {
        JsonObject json;
        ModelDescriptor descriptor;
        try {
            json = ModelFolder.readJson(folder);
            descriptor = ModelFolder.descriptorOf(json, folder);
        } catch (InvalidInputException e) {
            throw e.about(InputField.CHECKPOINT_FOLDER);
        }
        if (FileKind.of(folder.resolve(STATE_FILE), LinkOption.NOFOLLOW_LINKS) == FileKind.ABSENT) {
            throw new InvalidInputException(
                    InputField.CHECKPOINT_FOLDER,
                    "checkpointFolder " + folder
                            + ": no checkpoint (" + STATE_FILE
                            + " is missing); only folders saved with their optimizer state"
                            + " can be resumed");
        }
        try {
            JsonObject training = json.getAsJsonObject("training");
            EpochMetrics[] epochs = FiniteJson.GSON.fromJson(training.get("epochs"), EpochMetrics[].class);
            JsonObject data = training.has("data") ? training.getAsJsonObject("data") : null;
            Path dataFolder = data != null && data.has("folder")
                    ? Path.of(data.get("folder").getAsString())
                    : null;
            return new TrainingCheckpoint(
                    folder, descriptor, TrainingSpecJson.read(training), List.of(epochs), dataFolder);
        } catch (RuntimeException e) {
            // A value out of range (our InvalidInputException) or a missing or mistyped field (Gson's
            // unchecked exceptions): either way the record is not what training wrote.
            throw new InvalidInputException(
                    folder.resolve(ModelFolder.DESCRIPTOR_FILE) + ": malformed training record (" + e.getMessage()
                            + ")",
                    e);
        }
    }
}
