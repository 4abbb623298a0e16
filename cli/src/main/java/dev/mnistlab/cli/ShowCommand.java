package dev.mnistlab.cli;

import ai.djl.Model;
import com.google.gson.JsonObject;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.Plural;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.data.ImageSet;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.files.OutputPaths;
import dev.mnistlab.infer.DigitClassifier;
import dev.mnistlab.model.ModelDescriptor;
import dev.mnistlab.pictures.ImageGrid;
import dev.mnistlab.pictures.PngFile;
import dev.mnistlab.pictures.SampleSheet;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mnistlab show}: a sheet of images with their labels, or with a model's predictions. */
@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Draw a grid of images with their labels, or a model's predictions or mistakes.",
        description = {
            "Write a PNG grid of dataset images titled with their labels (the reference tutorial's "
                    + "6x6 samples), or with --model, titled with the model's prediction and probability; "
                    + "--errors keeps only the images it gets wrong, titled 'true -> predicted (p)' in red.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  mnistlab show --data-dir ../shared/data/mnist --output samples.png",
            "  mnistlab show --dataset fashion-mnist --labels 0,6 --rows 4 --cols 8 --output shirts.png",
            "  mnistlab show --model runs/cnn --errors --output errors.png"
        })
final class ShowCommand implements Callable<Integer> {

    /** The largest grid side accepted. */
    static final int MAX_SIDE = 50;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(
            names = "--dataset",
            defaultValue = "mnist",
            paramLabel = "NAME",
            description = "Dataset: mnist or fashion-mnist (default: ${DEFAULT-VALUE}; with --model, the model's).")
    String dataset;

    @Mixin
    DataOptions data;

    @Option(
            names = "--split",
            defaultValue = "test",
            paramLabel = "WHICH",
            description = "train or test (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(
            names = "--rows",
            defaultValue = "6",
            paramLabel = "N",
            description = "Grid rows (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(
            names = "--cols",
            defaultValue = "6",
            paramLabel = "N",
            description = "Grid columns (default: ${DEFAULT-VALUE}).")
    int cols;

    @Option(
            names = "--start",
            defaultValue = "0",
            paramLabel = "N",
            description = "Index of the first image to consider (default: ${DEFAULT-VALUE}).")
    int start;

    @Option(
            names = "--labels",
            split = ",",
            paramLabel = "CLASSES",
            description = "Only images of these class indices, e.g. 3,5 (default: all).")
    List<Integer> labels = new ArrayList<>();

    @Mixin
    OptionalModelOptions model;

    @Option(names = "--errors", description = "With --model: only the images the model gets wrong.")
    boolean errors;

    @Option(
            names = "--output",
            required = true,
            paramLabel = "FILE",
            description = "The PNG file to write; written whole or not at all.")
    Path output;

    @Override
    public Integer call() throws IOException {
        validate();
        ModelDescriptor descriptor = model.given() ? model.descriptor() : null;
        DatasetSplits splits = descriptor == null
                ? data.load(NamedDataset.byId(dataset), common.progress(spec))
                : data.load(descriptor, common.progress(spec));
        if (descriptor != null) {
            splits.requireClassNames(descriptor.classNames());
        }
        for (int label : labels) {
            if (label < 0 || label >= splits.classNames().size()) {
                throw new InvalidInputException("--labels takes class indices 0 to "
                        + (splits.classNames().size() - 1) + ", got " + label);
            }
        }
        ImageSet images = split.equalsIgnoreCase("train") ? splits.train() : splits.test();
        if (start >= images.size()) {
            throw new InvalidInputException("--start " + start + " is past the last image of the " + split + " set ("
                    + Plural.count(images.size(), "image") + ")");
        }
        List<ImageGrid.Tile> tiles = descriptor == null
                ? SampleSheet.labelled(images, splits.classNames(), start, Set.copyOf(labels), rows * cols)
                : predicted(descriptor, images);
        if (tiles.isEmpty()) {
            throw new InvalidInputException(
                    "no image matches: " + (errors ? "the model gets every one right" : "no image of classes " + labels)
                            + " from index " + start + " of the " + split + " set");
        }
        PngFile.write(ImageGrid.draw(tiles, rows, cols), output);
        JsonObject result = new JsonObject();
        result.addProperty("output", output.toString());
        result.addProperty("images", tiles.size());
        result.addProperty("dataset", splits.source().name());
        result.addProperty("split", split);
        result.addProperty("rows", rows);
        result.addProperty("cols", cols);
        result.addProperty("model", model.given() ? model.folder().toString() : null);
        common.printJson(spec, () -> result);
        common.text(spec)
                .printf(
                        Locale.ROOT,
                        "Wrote %s: %s of the %s %s set in a %dx%d grid%n",
                        output,
                        Plural.count(tiles.size(), "image"),
                        splits.source().name(),
                        split,
                        rows,
                        cols)
                .flush();
        return 0;
    }

    private List<ImageGrid.Tile> predicted(ModelDescriptor descriptor, ImageSet images) {
        try (Model loaded =
                model.load(descriptor, model.backend(), spec.commandLine().getErr())) {
            DigitClassifier classifier =
                    new DigitClassifier(loaded, descriptor.architecture(), descriptor.classNames());
            return SampleSheet.predicted(
                    images, descriptor.classNames(), classifier, start, Set.copyOf(labels), rows * cols, errors);
        }
    }

    private void validate() throws IOException {
        if (rows < 1 || rows > MAX_SIDE || cols < 1 || cols > MAX_SIDE) {
            throw new InvalidInputException(
                    "--rows and --cols must be between 1 and " + MAX_SIDE + ", got " + rows + "x" + cols);
        }
        if (!split.equalsIgnoreCase("train") && !split.equalsIgnoreCase("test")) {
            throw new InvalidInputException("--split must be train or test, got '" + split + "'");
        }
        if (start < 0) {
            throw new InvalidInputException("--start must be at least 0, got " + start);
        }
        if (errors && !model.given()) {
            throw new InvalidInputException("--errors needs --model DIR: the mistakes of which model?");
        }
        OutputPaths.requireWritableFile(output);
    }
}
