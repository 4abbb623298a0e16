package dev.mnistlab.data;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.files.FileKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the four IDX files of an MNIST-style dataset folder into memory, checking that they fit
 * together: 28x28 images, one label per image, labels within the class range.
 */
public final class DatasetLoader {

    /** Image height and width the models are built for. */
    public static final int IMAGE_SIZE = 28;

    private static final String IMAGE_FOLDERS =
            ", or train/ and test/ folders with one folder of 28x28 images per class";

    private DatasetLoader() {}

    /**
     * Finds a named dataset where mnistlab looks for it ({@link DatasetLocator#standard}: {@code
     * $MNISTLAB_DATA_DIR}, {@code ~/.mnistlab/datasets}, system folders, else a verified download)
     * and loads it.
     *
     * <pre>{@code
     * DatasetSplits mnist = DatasetLoader.load(NamedDataset.MNIST);
     * }</pre>
     *
     * @param dataset which dataset
     * @return training and test images, with their class names
     * @throws InvalidInputException listing every place tried, if it is nowhere to be had
     * @throws IOException if a file cannot be read
     */
    public static DatasetSplits load(NamedDataset dataset) throws IOException {
        return load(DatasetLocator.standard(DownloadProgress.NONE).locate(dataset, null), dataset);
    }

    /**
     * Finds and loads a dataset by the name users type, as {@link #load(NamedDataset)}.
     *
     * @param name {@code mnist} or {@code fashion-mnist}
     * @throws InvalidInputException if the name is unknown or the dataset is nowhere to be had
     * @throws IOException if a file cannot be read
     */
    public static DatasetSplits load(String name) throws IOException {
        return load(NamedDataset.byId(name));
    }

    /**
     * Loads a dataset folder: the four IDX files of an MNIST-style set, or an image-folder set
     * ({@link ImageFolderSet}: {@code train/<class>/} and {@code test/<class>/} folders of images).
     *
     * @param folder the folder
     * @param dataset names the classes of IDX files (an image-folder set names its own)
     * @return training and test images, with their class names
     * @throws InvalidInputException if the folder or a file is missing, malformed or inconsistent
     * @throws IOException if a file cannot be read
     */
    public static DatasetSplits load(Path folder, NamedDataset dataset) throws IOException {
        if (!DatasetFile.allPresentIn(folder) && ImageFolderSet.isImageFolderSet(folder)) {
            return ImageFolderSet.load(folder);
        }
        requireFiles(folder);
        int classCount = dataset.classNames().size();
        ImageSet train = loadPair(folder, DatasetFile.TRAIN_IMAGES, DatasetFile.TRAIN_LABELS, classCount);
        ImageSet test = loadPair(folder, DatasetFile.TEST_IMAGES, DatasetFile.TEST_LABELS, classCount);
        List<Path> files = new ArrayList<>();
        for (DatasetFile file : DatasetFile.values()) {
            files.add(file.findIn(folder).orElseThrow());
        }
        return new DatasetSplits(DataSource.ofIdx(dataset.id(), folder, files), train, test, dataset.classNames());
    }

    private static void requireFiles(Path folder) throws IOException {
        FileKind kind = FileKind.of(folder);
        if (kind != FileKind.FOLDER) {
            throw new InvalidInputException(
                    InputField.DATA_FOLDER,
                    "dataFolder " + folder + (kind == FileKind.ABSENT ? " does not exist" : " is " + kind.words())
                            + "; give a folder holding "
                            + DatasetFile.expectedNames() + IMAGE_FOLDERS);
        }
        List<String> missing = new ArrayList<>();
        for (DatasetFile file : DatasetFile.values()) {
            if (file.findIn(folder).isEmpty()) {
                missing.add(file.compressedName());
            }
        }
        if (missing.size() == DatasetFile.values().length) {
            throw new InvalidInputException(
                    InputField.DATA_FOLDER,
                    "dataFolder " + folder + " holds no dataset; give a folder holding " + DatasetFile.expectedNames()
                            + IMAGE_FOLDERS);
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(
                    InputField.DATA_FOLDER,
                    "dataFolder " + folder + " lacks "
                            + String.join(", ", missing)
                            + "; it must hold " + DatasetFile.expectedNames() + IMAGE_FOLDERS);
        }
    }

    private static ImageSet loadPair(Path folder, DatasetFile imagesFile, DatasetFile labelsFile, int classCount)
            throws IOException {
        IdxArray images = IdxReader.read(imagesFile.findIn(folder).orElseThrow(), imagesFile.dimensions());
        IdxArray labels = IdxReader.read(labelsFile.findIn(folder).orElseThrow(), labelsFile.dimensions());
        int rows = images.dimensions()[1];
        int cols = images.dimensions()[2];
        if (rows != IMAGE_SIZE || cols != IMAGE_SIZE) {
            throw new InvalidInputException(images.source() + ": images are " + rows + "x" + cols
                    + "; mnistlab's models take " + IMAGE_SIZE + "x" + IMAGE_SIZE + " images");
        }
        if (images.count() != labels.count()) {
            throw new InvalidInputException(images.source() + " holds " + images.count() + " images but "
                    + labels.source() + " holds " + labels.count() + " labels; the counts must match");
        }
        byte[] labelBytes = labels.data();
        for (int i = 0; i < labelBytes.length; i++) {
            int label = labelBytes[i] & 0xff;
            if (label >= classCount) {
                throw new InvalidInputException(
                        labels.source() + ": label " + label + " at index " + i + " is outside 0-" + (classCount - 1));
            }
        }
        return new ImageSet(images.data(), labelBytes, rows, cols);
    }
}
