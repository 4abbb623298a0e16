package dev.mnistlab.data;

import dev.mnistlab.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads a dataset kept as image files, one sub-folder per class, as Keras'
 * {@code image_dataset_from_directory} and torchvision's {@code ImageFolder} lay them out:
 *
 * <pre>
 * DIR/train/&lt;class&gt;/*.png   (or .jpg, .jpeg, .bmp, .gif)
 * DIR/test/&lt;class&gt;/*.png
 * </pre>
 *
 * <p>The class names are the sub-folder names of {@code train}, sorted; {@code test} must have the
 * same ones. Hidden files and folders (names starting with a dot, such as macOS's {@code ._x.png}
 * and {@code .DS_Store}) are not part of the set; an image file that cannot be used (not decodable,
 * not 28x28) is left out and listed, with its reason, in the source's {@link DataSource#skipped()}.
 * Images must be 28x28; colour images are turned grey by luminance and taken as they are
 * (MNIST's own images are bright ink on black). Files are read in name order, so the same folder
 * always gives the same set.
 */
public final class ImageFolderSet {

    /** The fewest classes a dataset may have. */
    public static final int MIN_CLASSES = 2;

    /** The most classes a dataset may have (the models predict up to ten). */
    public static final int MAX_CLASSES = 10;

    private static final String TRAIN = "train";
    private static final String TEST = "test";

    private ImageFolderSet() {}

    /** Returns true if the folder is laid out as an image-folder set (it has train/ and test/ folders). */
    public static boolean isImageFolderSet(Path folder) {
        return Files.isDirectory(folder.resolve(TRAIN)) && Files.isDirectory(folder.resolve(TEST));
    }

    /**
     * Reads both splits.
     *
     * @param folder the folder holding {@code train/} and {@code test/}
     * @return the images, with the class names taken from the sub-folders
     * @throws InvalidInputException if the layout, a class folder or an image is not as described above
     */
    public static DatasetSplits load(Path folder) throws IOException {
        List<Path> trainClasses = classFolders(folder.resolve(TRAIN));
        List<String> classNames = names(trainClasses);
        if (classNames.size() < MIN_CLASSES || classNames.size() > MAX_CLASSES) {
            throw new InvalidInputException(folder.resolve(TRAIN) + " has " + classNames.size() + " class folders "
                    + classNames + "; an image-folder dataset needs " + MIN_CLASSES + " to " + MAX_CLASSES);
        }
        List<Path> testFolders = classFolders(folder.resolve(TEST));
        List<String> testClasses = names(testFolders);
        if (!testClasses.equals(classNames)) {
            throw new InvalidInputException(folder.resolve(TEST) + " has class folders " + testClasses + " but "
                    + folder.resolve(TRAIN) + " has " + classNames + "; both splits need the same classes");
        }
        List<String> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        ImageSet train = read(TRAIN, trainClasses, files, skipped);
        ImageSet test = read(TEST, testFolders, files, skipped);
        return new DatasetSplits(DataSource.ofImageFolders(folder, files, skipped), train, test, classNames);
    }

    /**
     * Lists a split's class folders, sorted by name. The paths are kept as listed: a name that is
     * not valid in the platform's character set cannot be rebuilt from its text.
     */
    private static List<Path> classFolders(Path split) throws IOException {
        try (Stream<Path> entries = Files.list(split)) {
            return entries.filter(Files::isDirectory)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                    .toList();
        }
    }

    private static List<String> names(List<Path> folders) {
        return folders.stream().map(path -> path.getFileName().toString()).toList();
    }

    private static ImageSet read(
            String splitName, List<Path> classFolders, List<String> filesRead, List<String> skipped)
            throws IOException {
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        for (int label = 0; label < classFolders.size(); label++) {
            Path classFolder = classFolders.get(label);
            List<Path> files;
            try (Stream<Path> entries = Files.list(classFolder)) {
                files = entries.filter(Files::isRegularFile)
                        .filter(ImageFiles::hasImageExtension)
                        .filter(path -> !path.getFileName().toString().startsWith("."))
                        .sorted()
                        .toList();
            }
            int read = 0;
            String firstProblem = null;
            for (Path file : files) {
                String relative = splitName + "/" + classFolder.getFileName() + "/" + file.getFileName();
                byte[] grey;
                try {
                    grey = greyPixels(file);
                } catch (InvalidInputException e) {
                    skipped.add(relative + ": " + reason(e.getMessage(), file));
                    firstProblem = firstProblem == null ? e.getMessage() : firstProblem;
                    continue;
                }
                pixels.writeBytes(grey);
                labels.write(label);
                filesRead.add(relative);
                read++;
            }
            if (read == 0) {
                throw new InvalidInputException(
                        firstProblem != null
                                ? firstProblem
                                : classFolder + ": holds no PNG, JPEG, BMP or GIF files; every class needs images in"
                                        + " both splits");
            }
        }
        return new ImageSet(
                pixels.toByteArray(), labels.toByteArray(), DatasetLoader.IMAGE_SIZE, DatasetLoader.IMAGE_SIZE);
    }

    /** A per-file message without the file's path in front, which the skipped list names its own way. */
    private static String reason(String message, Path file) {
        String path = file.toString();
        if (!message.startsWith(path)) {
            return message;
        }
        String rest = message.substring(path.length());
        return rest.startsWith(": ") ? rest.substring(2) : rest.strip();
    }

    private static byte[] greyPixels(Path file) throws IOException {
        return ImageFiles.read(file, picture -> datasetPixels(picture, file.toString()));
    }

    /**
     * Turns a decoded picture into a dataset image as this class reads them: 28x28, grey by
     * luminance (a grey picture's own levels), taken as it is. For a picture read from elsewhere
     * that must count the same as in a folder set, for example on a cluster.
     *
     * @param image the decoded picture
     * @param name what to call it in an error, such as its path
     * @return 784 unsigned bytes, row-major
     * @throws InvalidInputException naming the picture if it is not 28x28
     */
    public static byte[] datasetPixels(BufferedImage image, String name) {
        int size = DatasetLoader.IMAGE_SIZE;
        if (image.getWidth() != size || image.getHeight() != size) {
            throw new InvalidInputException(name + ": " + image.getWidth() + "x" + image.getHeight() + " pixels; images"
                    + " in a dataset folder must be " + size + "x" + size + " (resize them first; classifying"
                    + " takes pictures of any size)");
        }
        int[] levels = GreyLevels.ignoringAlpha(image);
        byte[] grey = new byte[size * size];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = (byte) levels[i];
        }
        return grey;
    }
}
