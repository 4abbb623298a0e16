package dev.mnistlab.data;

import java.nio.file.Path;

/**
 * A dataset's training and test images, and the folder they came from.
 *
 * @param source the folder the files were read from
 * @param train the training images
 * @param test the test images
 */
public record DatasetSplits(Path source, ImageSet train, ImageSet test) {}
