package dev.mnistlab.spark;

import dev.mnistlab.data.DataSource;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.data.ImageSet;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A dataset as a sweep ships it to the executors: the images of both splits, the class names and
 * where they came from, so every setting trains on the same data, recorded with the same
 * provenance, whatever disks the executors see.
 */
final class SweepData implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String format;
    private final String folder;
    private final TreeMap<String, String> sha256;
    private final ArrayList<String> skipped;
    private final byte[] trainPixels;
    private final byte[] trainLabels;
    private final byte[] testPixels;
    private final byte[] testLabels;
    private final int rows;
    private final int cols;
    private final ArrayList<String> classNames;

    SweepData(DatasetSplits splits) {
        DataSource source = splits.source();
        this.name = source.name();
        this.format = source.format();
        this.folder = source.folder().toString();
        this.sha256 = new TreeMap<>(source.sha256());
        this.skipped = new ArrayList<>(source.skipped());
        this.trainPixels = splits.train().pixels();
        this.trainLabels = splits.train().labels();
        this.testPixels = splits.test().pixels();
        this.testLabels = splits.test().labels();
        this.rows = splits.train().rows();
        this.cols = splits.train().cols();
        this.classNames = new ArrayList<>(splits.classNames());
    }

    /** Returns the dataset as it was read. */
    DatasetSplits splits() {
        return new DatasetSplits(
                new DataSource(name, format, Path.of(folder), Map.copyOf(sha256), List.copyOf(skipped)),
                new ImageSet(trainPixels, trainLabels, rows, cols),
                new ImageSet(testPixels, testLabels, rows, cols),
                List.copyOf(classNames));
    }
}
