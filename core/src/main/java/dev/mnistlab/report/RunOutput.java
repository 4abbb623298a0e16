package dev.mnistlab.report;

import ai.djl.Model;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.files.AtomicFolder;
import dev.mnistlab.model.ModelDescriptor;
import dev.mnistlab.model.ModelFolder;
import dev.mnistlab.train.EpochCheckpoint;
import dev.mnistlab.train.TrainedEnsemble;
import dev.mnistlab.train.TrainedModel;
import dev.mnistlab.train.TrainingCheckpoint;
import dev.mnistlab.train.TrainingResult;
import dev.mnistlab.train.TrainingSpec;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The output folder of a training run: a loadable model folder ({@code model.json} and the
 * parameters), {@code metrics.json} and the optimizer's state for resuming, written as a whole by
 * {@link AtomicFolder} after every epoch. Front ends add files of their own to it through
 * {@link RunFolderExtra}s (the command line adds {@code curves.png}).
 */
public final class RunOutput {

    private RunOutput() {}

    /**
     * Checks that a folder may be written: absent, empty, or an earlier model folder.
     *
     * @throws InvalidInputException if writing would replace something that is not a model folder
     */
    public static void requireWritable(Path folder) throws IOException {
        AtomicFolder.requireReplaceable(folder, ModelFolder.DESCRIPTOR_FILE, "model", ", or one a training run saved");
    }

    /**
     * Returns a checkpoint that writes (or replaces) the output folder after every epoch, so the
     * folder always holds the last completed epoch.
     *
     * @param folder the output folder
     * @param extras files added to the folder each time it is written
     */
    public static EpochCheckpoint checkpointInto(Path folder, RunFolderExtra... extras) {
        List<RunFolderExtra> added = List.of(extras);
        return soFar -> write(soFar, folder, added);
    }

    /**
     * Saves a trained model as a run's output folder, the same files a checkpoint writes: the
     * folder loads with {@code DigitClassifier.open} and resumes with {@code mnistlab train --resume}.
     *
     * @param trained the model, its optimizer and its figures
     * @param folder the output folder: absent, empty, or an earlier model folder, which is replaced
     * @param extras files added to the folder
     * @throws InvalidInputException if the folder holds something that is not a model folder
     */
    public static void save(TrainedModel trained, Path folder, RunFolderExtra... extras) throws IOException {
        write(trained, folder, List.of(extras));
    }

    /**
     * Saves an ensemble as one model folder: {@code model.json} (architecture {@code ensemble},
     * with the member architecture and count), the members' parameters in one file, and {@code
     * metrics.json} ({@link MetricsReport#toJson(TrainedEnsemble)}). The folder loads with {@code
     * DigitClassifier.open} like any model folder; it holds no optimizer state, so it cannot be
     * resumed.
     *
     * @param trained the ensemble
     * @param folder the output folder: absent, empty, or an earlier model folder, which is replaced
     * @throws InvalidInputException if the folder holds something that is not a model folder
     */
    public static void saveEnsemble(TrainedEnsemble trained, Path folder) throws IOException {
        requireWritable(folder);
        TrainingResult first = trained.members().get(0);
        ModelDescriptor descriptor = new ModelDescriptor(
                trained.architecture(), first.provenance().data().name(), first.classNames());
        AtomicFolder.write(folder, staging -> {
            ModelFolder.write(staging, trained.model(), descriptor, MetricsReport.toJson(trained));
            MetricsReport.write(trained, staging);
        });
    }

    /**
     * Writes (or replaces) the output folder of a run: the model the run keeps as the folder's
     * model, and, when that is not the last epoch's, the last epoch's parameters beside it for
     * {@code --resume} ({@link ModelFolder#LAST_EPOCH_PREFIX}).
     *
     * @param trained the run as it stands, with the optimizer whose state is saved for {@code --resume}
     * @param folder the output folder
     * @param extras files added to the folder
     */
    private static void write(TrainedModel trained, Path folder, List<RunFolderExtra> extras) throws IOException {
        requireWritable(folder);
        Model model = trained.model();
        TrainingResult result = trained.result();
        TrainingSpec spec = result.spec();
        ModelDescriptor descriptor = new ModelDescriptor(
                spec.architecture(), result.provenance().data().name(), result.classNames());
        model.setProperty("Epoch", String.valueOf(result.kept().epoch()));
        AtomicFolder.write(folder, staging -> {
            ModelFolder.write(staging, model, descriptor, MetricsReport.toJson(result));
            if (trained.lastEpochModel() != model) {
                ModelFolder.writeLastEpoch(
                        staging, trained.lastEpochModel(), result.epochs().size());
            }
            MetricsReport.write(result, staging);
            for (RunFolderExtra extra : extras) {
                extra.write(result, staging);
            }
            try (DataOutputStream out = new DataOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(staging.resolve(TrainingCheckpoint.STATE_FILE))))) {
                trained.optimizer().saveState(trained.lastEpochModel(), out);
            }
        });
    }
}
