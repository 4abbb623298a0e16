package dev.mnistlab.data;

import static dev.mnistlab.testing.IdxFiles.gzip;
import static dev.mnistlab.testing.IdxFiles.idx;
import static dev.mnistlab.testing.IdxFiles.images;
import static dev.mnistlab.testing.IdxFiles.labels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.testing.IdxFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {

    private static final String EXPECTED = "train-images-idx3-ubyte, train-labels-idx1-ubyte,"
            + " t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (each .gz or not),"
            + " or train/ and test/ folders with one folder of 28x28 images per class";

    @TempDir
    Path dir;

    @Test
    void loadsCompressedFolder() throws IOException {
        DatasetSplits splits = DatasetLoader.load(IdxFiles.writeDataset(dir, 30, 20), NamedDataset.MNIST);
        assertEquals(30, splits.train().size());
        assertEquals(20, splits.test().size());
        assertEquals(7, splits.train().label(17));
        assertEquals(28 * 28, splits.test().pixelsPerImage());
    }

    @Test
    void loadsRawFiles() throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte"), images(3, 1));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labels(3));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), images(2, 2));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), labels(2));
        assertEquals(3, DatasetLoader.load(dir, NamedDataset.MNIST).train().size());
    }

    @Test
    void missingFolderListsExpectedFiles() {
        Path absent = dir.resolve("nowhere");
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> DatasetLoader.load(absent, NamedDataset.MNIST));
        assertEquals("dataFolder " + absent + " does not exist; give a folder holding " + EXPECTED, e.getMessage());
    }

    @Test
    void folderWithoutAnyDatasetFileSaysSo() {
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> DatasetLoader.load(dir, NamedDataset.MNIST));
        assertEquals("dataFolder " + dir + " holds no dataset; give a folder holding " + EXPECTED, e.getMessage());
    }

    @Test
    void incompleteFolderNamesWhatIsMissing() throws IOException {
        IdxFiles.writeDataset(dir, 3, 2);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte.gz"));
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> DatasetLoader.load(dir, NamedDataset.MNIST));
        assertEquals(
                "dataFolder " + dir + " lacks t10k-labels-idx1-ubyte.gz; it must hold " + EXPECTED, e.getMessage());
    }

    @Test
    void countsOfImagesAndLabelsMustMatch() throws IOException {
        IdxFiles.writeDataset(dir, 5, 2);
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(labels(4)));
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> DatasetLoader.load(dir, NamedDataset.MNIST));
        assertEquals(
                dir.resolve("train-images-idx3-ubyte.gz") + " holds 5 images but "
                        + dir.resolve("train-labels-idx1-ubyte.gz") + " holds 4 labels; the counts must match",
                e.getMessage());
    }

    @Test
    void imagesMustBe28By28() throws IOException {
        IdxFiles.writeDataset(dir, 2, 2);
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(idx(new int[] {2, 32, 32}, new byte[2 * 32 * 32])));
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> DatasetLoader.load(dir, NamedDataset.MNIST));
        assertEquals(
                dir.resolve("t10k-images-idx3-ubyte.gz") + ": images are 32x32; mnistlab's models take 28x28 images",
                e.getMessage());
    }

    @Test
    void labelsMustNameAClass() throws IOException {
        IdxFiles.writeDataset(dir, 2, 2);
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(idx(new int[] {2}, new byte[] {3, 12})));
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> DatasetLoader.load(dir, NamedDataset.MNIST));
        assertEquals(dir.resolve("t10k-labels-idx1-ubyte.gz") + ": label 12 at index 1 is outside 0-9", e.getMessage());
    }
}
