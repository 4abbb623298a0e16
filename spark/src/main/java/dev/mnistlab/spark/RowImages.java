package dev.mnistlab.spark;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.ImageFiles;
import dev.mnistlab.data.ImageFolderSet;
import dev.mnistlab.infer.MnistPreprocessor;
import java.io.IOException;
import org.apache.spark.sql.Row;

/** Turns an {@link InputImages} row into the image a model takes, as the single-machine commands do. */
final class RowImages {

    private static final int PIXEL_COUNT = MnistPreprocessor.SIZE * MnistPreprocessor.SIZE;

    private RowImages() {}

    /**
     * Prepares a row as {@code mnistlab predict} prepares a file: an encoded picture of any size
     * through {@link MnistPreprocessor}, prepared pixels as they are.
     *
     * @return 784 values in [0, 1]
     * @throws InvalidInputException naming the row's id if its picture cannot be used
     */
    static float[] forPrediction(Row row) throws IOException {
        byte[] pixels = pixels(row);
        if (pixels != null) {
            float[] scaled = new float[PIXEL_COUNT];
            for (int p = 0; p < PIXEL_COUNT; p++) {
                scaled[p] = (pixels[p] & 0xff) / 255f;
            }
            return scaled;
        }
        String id = id(row);
        return ImageFiles.decode(content(row), id, picture -> MnistPreprocessor.toMnist(picture, id));
    }

    /**
     * Prepares a row as {@code mnistlab evaluate} reads a dataset's image: an encoded picture must
     * be 28x28 and is taken as it is ({@link ImageFolderSet#datasetPixels}).
     *
     * @return 784 unsigned bytes
     * @throws InvalidInputException naming the row's id if its picture cannot be used
     */
    static byte[] forEvaluation(Row row) throws IOException {
        byte[] pixels = pixels(row);
        if (pixels != null) {
            return pixels;
        }
        String id = id(row);
        return ImageFiles.decode(content(row), id, picture -> ImageFolderSet.datasetPixels(picture, id));
    }

    /** The row's name, for messages. */
    static String id(Row row) {
        return row.getString(row.fieldIndex(InputImages.ID));
    }

    private static byte[] pixels(Row row) {
        int field = row.fieldIndex(InputImages.PIXELS);
        if (row.isNullAt(field)) {
            return null;
        }
        byte[] pixels = (byte[]) row.get(field);
        if (pixels.length != PIXEL_COUNT) {
            throw new InvalidInputException(
                    id(row) + ": holds " + pixels.length + " pixels; a prepared image has " + PIXEL_COUNT);
        }
        return pixels;
    }

    private static byte[] content(Row row) {
        int field = row.fieldIndex(InputImages.CONTENT);
        if (row.isNullAt(field)) {
            throw new InvalidInputException(id(row) + ": holds no picture (its image column is empty)");
        }
        return (byte[]) row.get(field);
    }
}
