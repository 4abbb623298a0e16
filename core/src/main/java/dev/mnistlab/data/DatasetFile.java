package dev.mnistlab.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The four files of an MNIST-style dataset, by their standard names.
 *
 * <p>Each may be stored gzip-compressed ({@code NAME.gz}, as distributed) or raw ({@code NAME}).
 */
public enum DatasetFile {
    /** Training images: N x rows x cols unsigned bytes. */
    TRAIN_IMAGES("train-images-idx3-ubyte", 3),
    /** Training labels: N unsigned bytes. */
    TRAIN_LABELS("train-labels-idx1-ubyte", 1),
    /** Test images: N x rows x cols unsigned bytes. */
    TEST_IMAGES("t10k-images-idx3-ubyte", 3),
    /** Test labels: N unsigned bytes. */
    TEST_LABELS("t10k-labels-idx1-ubyte", 1);

    private final String baseName;
    private final int dimensions;

    DatasetFile(String baseName, int dimensions) {
        this.baseName = baseName;
        this.dimensions = dimensions;
    }

    /** Returns the standard name without compression suffix, e.g. {@code train-images-idx3-ubyte}. */
    public String baseName() {
        return baseName;
    }

    /** Returns the name of the compressed file as distributed, e.g. {@code train-images-idx3-ubyte.gz}. */
    public String compressedName() {
        return baseName + ".gz";
    }

    /** Returns how many dimensions the IDX file has: 3 for images, 1 for labels. */
    public int dimensions() {
        return dimensions;
    }

    /**
     * Finds this file in a folder, compressed or raw.
     *
     * @param folder where to look
     * @return the compressed file if present, else the raw one if present, else empty
     */
    public Optional<Path> findIn(Path folder) {
        Path compressed = folder.resolve(compressedName());
        if (Files.exists(compressed)) {
            return Optional.of(compressed);
        }
        Path raw = folder.resolve(baseName);
        return Files.exists(raw) ? Optional.of(raw) : Optional.empty();
    }

    /**
     * Returns the names a folder must hold, for messages: {@code "a, b, c and d (each .gz or not)"}.
     */
    public static String expectedNames() {
        StringBuilder names = new StringBuilder();
        DatasetFile[] files = values();
        for (int i = 0; i < files.length; i++) {
            names.append(i == 0 ? "" : i == files.length - 1 ? " and " : ", ").append(files[i].baseName);
        }
        return names.append(" (each .gz or not)").toString();
    }

    /** Returns true if the folder holds all four files. */
    public static boolean allPresentIn(Path folder) {
        for (DatasetFile file : values()) {
            if (file.findIn(folder).isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
