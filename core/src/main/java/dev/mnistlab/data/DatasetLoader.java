package dev.mnistlab.data;

import dev.mnistlab.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
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

    private DatasetLoader() {}

    /**
     * Loads a dataset folder.
     *
     * @param folder a folder holding {@link DatasetFile#expectedNames()}
     * @param classCount how many classes the labels may name (10 for MNIST and Fashion-MNIST)
     * @return training and test images
     * @throws InvalidInputException if the folder or a file is missing, malformed or inconsistent
     * @throws IOException if a file cannot be read
     */
    public static DatasetSplits load(Path folder, int classCount) throws IOException {
        requireFiles(folder);
        ImageSet train = loadPair(folder, DatasetFile.TRAIN_IMAGES, DatasetFile.TRAIN_LABELS, classCount);
        ImageSet test = loadPair(folder, DatasetFile.TEST_IMAGES, DatasetFile.TEST_LABELS, classCount);
        return new DatasetSplits(folder, train, test);
    }

    private static void requireFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("data folder " + folder + " does not exist; it must hold "
                    + DatasetFile.expectedNames());
        }
        List<String> missing = new ArrayList<>();
        for (DatasetFile file : DatasetFile.values()) {
            if (file.findIn(folder).isEmpty()) {
                missing.add(file.compressedName());
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("data folder " + folder + " lacks " + String.join(", ", missing)
                    + "; it must hold " + DatasetFile.expectedNames());
        }
    }

    private static ImageSet loadPair(Path folder, DatasetFile imagesFile, DatasetFile labelsFile,
            int classCount) throws IOException {
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
                throw new InvalidInputException(labels.source() + ": label " + label + " at index " + i
                        + " is outside 0-" + (classCount - 1));
            }
        }
        return new ImageSet(images.data(), labelBytes, rows, cols);
    }
}
