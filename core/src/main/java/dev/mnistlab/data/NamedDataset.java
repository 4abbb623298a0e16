package dev.mnistlab.data;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The datasets mnistlab knows by name: where their files are published, their checksums, the
 * system folders that may already hold them, and their class names.
 */
public enum NamedDataset {
    /** Handwritten digits 0-9 (LeCun, Cortes, Burges). */
    MNIST(
            "mnist",
            List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
            List.of(
                    URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
                    URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/")),
            List.of(),
            "f68b3c2dcbeaaa9fbdd348bbdeb94873",
            "d53e105ee54ea40749a09fcbcd1e9432",
            "9fb629c4189551a2d022fa330f9573f3",
            "ec29112dd5afa0611ce80d1b7f02629c"),
    /** Zalando's Fashion-MNIST: ten kinds of clothing in the MNIST format. */
    FASHION_MNIST(
            "fashion-mnist",
            List.of(
                    "T-shirt/top",
                    "Trouser",
                    "Pullover",
                    "Dress",
                    "Coat",
                    "Sandal",
                    "Shirt",
                    "Sneaker",
                    "Bag",
                    "Ankle boot"),
            List.of(
                    URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
                    URI.create("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/")),
            List.of(Path.of("/usr/share/datasets/fashion-mnist")),
            "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
            "25c81989df183df01b3e8a0aad5dffbe",
            "bef4ecab320f06d8554ea6380940ec79",
            "bb300cfdad3c16e7a12a480ee83cd310");

    private final String id;
    // List.of and an unmodifiable map: immutable, which Error Prone cannot see from the types.
    @SuppressWarnings("ImmutableEnumChecker")
    private final List<String> classNames;

    @SuppressWarnings("ImmutableEnumChecker")
    private final List<URI> mirrors;

    @SuppressWarnings("ImmutableEnumChecker")
    private final List<Path> systemFolders;

    @SuppressWarnings("ImmutableEnumChecker")
    private final Map<DatasetFile, String> md5;

    NamedDataset(
            String id,
            List<String> classNames,
            List<URI> mirrors,
            List<Path> systemFolders,
            String trainImagesMd5,
            String trainLabelsMd5,
            String testImagesMd5,
            String testLabelsMd5) {
        this.id = id;
        this.classNames = List.copyOf(classNames);
        this.mirrors = List.copyOf(mirrors);
        this.systemFolders = List.copyOf(systemFolders);
        this.md5 = Collections.unmodifiableMap(new EnumMap<>(Map.of(
                DatasetFile.TRAIN_IMAGES,
                trainImagesMd5,
                DatasetFile.TRAIN_LABELS,
                trainLabelsMd5,
                DatasetFile.TEST_IMAGES,
                testImagesMd5,
                DatasetFile.TEST_LABELS,
                testLabelsMd5)));
    }

    /** Returns the name users type, e.g. {@code fashion-mnist}. */
    public String id() {
        return id;
    }

    /** Returns the class names, indexed by label. */
    public List<String> classNames() {
        return classNames;
    }

    /** Returns the base addresses the compressed files can be downloaded from, in order of preference. */
    public List<URI> mirrors() {
        return mirrors;
    }

    /** Returns folders that system packages install this dataset into (Debian's, for example). */
    public List<Path> systemFolders() {
        return systemFolders;
    }

    /** Returns the published MD5 checksum of a compressed file, as lowercase hex. */
    public String md5(DatasetFile file) {
        return md5.get(file);
    }

    /** Returns the dataset of that name, if mnistlab knows one. */
    public static Optional<NamedDataset> find(String id) {
        return Arrays.stream(values())
                .filter(dataset -> dataset.id.equalsIgnoreCase(id))
                .findFirst();
    }

    /**
     * Finds a dataset by the name users type.
     *
     * @throws InvalidInputException naming the known datasets if there is none of that name
     */
    public static NamedDataset byId(String id) {
        return find(id).orElseThrow(() -> new InvalidInputException(
                InputField.DATASET,
                "dataset '" + id + "' is unknown: choose one of " + ids()
                        + ", or load a folder of IDX files or image folders"));
    }

    /** Returns the known names, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(NamedDataset::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
