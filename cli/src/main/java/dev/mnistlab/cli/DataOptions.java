package dev.mnistlab.cli;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.Plural;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.DatasetLocator;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.files.FileKind;
import dev.mnistlab.model.ModelDescriptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The option of the commands that read a dataset, and the finding and loading it implies. */
final class DataOptions {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Folder with the four IDX files (train-images-idx3-ubyte.gz, ...), or with train/ and test/"
                    + " folders of images, one sub-folder per class; default: searched.")
    Path dataDir;

    /**
     * Finds (or downloads) and loads a dataset: {@code --data-dir} if given, else the search order
     * of {@link DatasetLocator}.
     */
    DatasetSplits load(NamedDataset dataset, ConsoleProgress progress) throws IOException {
        return load(dataset, dataDir, progress);
    }

    /**
     * Loads a resumed run's data: {@code --data-dir} if given, else the folder the run recorded
     * while it is still there, else the search order of {@link DatasetLocator}.
     */
    DatasetSplits loadForResume(NamedDataset dataset, Path recorded, ConsoleProgress progress) throws IOException {
        boolean recordedThere = recorded != null && FileKind.of(recorded) == FileKind.FOLDER;
        return load(dataset, dataDir != null || !recordedThere ? dataDir : recorded, progress);
    }

    private DatasetSplits load(NamedDataset dataset, Path given, ConsoleProgress progress) throws IOException {
        Path folder = DatasetLocator.standard(progress).locate(dataset, given);
        DatasetSplits splits = DatasetLoader.load(folder, dataset);
        List<String> skipped = splits.source().skipped();
        if (!skipped.isEmpty()) {
            progress.warn("left out " + Plural.count(skipped.size(), "file") + " of " + folder
                    + " that cannot be used: " + String.join("; ", skipped.subList(0, Math.min(3, skipped.size())))
                    + (skipped.size() > 3 ? "; and " + (skipped.size() - 3) + " more" : ""));
        }
        return splits;
    }

    /**
     * Loads the data a saved model was trained on: its named dataset, or the image folders given
     * with {@code --data-dir}, which cannot be found by name.
     */
    DatasetSplits load(ModelDescriptor model, ConsoleProgress progress) throws IOException {
        if (model.namedDataset().isPresent() || dataDir != null) {
            return load(model.namedDataset().orElse(NamedDataset.MNIST), progress);
        }
        throw new InvalidInputException("the model was trained on the image folders '" + model.dataset()
                + "', which are found only by their folder: give --data-dir");
    }
}
