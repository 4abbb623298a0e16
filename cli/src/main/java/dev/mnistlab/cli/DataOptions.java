package dev.mnistlab.cli;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.DatasetLocator;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.data.DownloadProgress;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.model.ModelDescriptor;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The option of the commands that read a dataset, and the finding and loading it implies. */
final class DataOptions {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Folder with the four IDX files (train-images-idx3-ubyte.gz, ...); default: searched.")
    Path dataDir;

    /**
     * Finds (or downloads) and loads a dataset: {@code --data-dir} if given, else the search order
     * of {@link DatasetLocator}.
     */
    DatasetSplits load(NamedDataset dataset, DownloadProgress progress) throws IOException {
        Path folder = DatasetLocator.standard(progress).locate(dataset, dataDir);
        return DatasetLoader.load(folder, dataset);
    }

    /**
     * Loads the data a saved model was trained on: its named dataset, or the image folders given
     * with {@code --data-dir}, which cannot be found by name.
     */
    DatasetSplits load(ModelDescriptor model, DownloadProgress progress) throws IOException {
        if (model.namedDataset().isPresent() || dataDir != null) {
            return load(model.namedDataset().orElse(NamedDataset.MNIST), progress);
        }
        throw new InvalidInputException("the model was trained on the image folders '" + model.dataset()
                + "', which are found only by their folder: give --data-dir");
    }
}
