package dev.mnistlab.cli;

import ai.djl.Model;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.data.ImageFiles;
import dev.mnistlab.files.AtomicFile;
import dev.mnistlab.files.OutputPaths;
import dev.mnistlab.infer.DigitClassifier;
import dev.mnistlab.infer.MnistPreprocessor;
import dev.mnistlab.infer.Prediction;
import dev.mnistlab.model.ModelDescriptor;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mnistlab predict}: classifies people's own image files with a saved model. */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Classify image files and folders (or standard input) with a saved model.",
        description = {
            "Classify image files (PNG, JPEG, BMP, GIF; any size, colour or grey, dark ink on light "
                    + "paper or light on dark) and folders of them. Each picture is prepared the way MNIST was "
                    + "made: grey scale, ink bright on black, cropped to the ink, scaled to fit 20x20, centred "
                    + "by its centre of mass in 28x28. Files that cannot be read are reported one by one; the "
                    + "rest are still classified (exit code 2 then).",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  mnistlab predict --model runs/cnn photo-of-a-7.jpg scans/",
            "  mnistlab predict --model runs/cnn --top-k 3 --json scans/",
            "  curl -s https://example.org/digit.png | mnistlab predict --model runs/cnn -"
        })
final class PredictCommand implements Callable<Integer> {

    private static final String PREPARED_SUFFIX = ".28x28.png";
    static final Path STANDARD_INPUT = Path.of("-");

    /**
     * Pictures decoded and prepared (on every core, {@link PicturePreparation}) before each forward
     * pass: enough to keep the cores busy, few enough that the prepared images of a folder of any
     * size fit in memory (3 MB). A multiple of every forward pass size, so the passes, and the
     * answers, are those of one long list.
     */
    private static final int PICTURES_PER_ROUND = 1024;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    SavedModelOptions saved;

    @Option(
            names = "--top-k",
            defaultValue = "1",
            paramLabel = "K",
            description = "Show the K most probable classes, 1 to 10 (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(
            names = "--save-prepared",
            paramLabel = "DIR",
            description = "Also write each prepared 28x28 image, as the model sees it, to DIR/<file>.28x28.png"
                    + " (default: none).")
    Path savePrepared;

    @Parameters(
            arity = "1..*",
            paramLabel = "PATH",
            description = "Image files and folders (searched recursively); - reads one image from standard input.")
    List<Path> paths;

    @Override
    public Integer call() throws IOException {
        ModelDescriptor descriptor = saved.descriptor();
        DigitClassifier.requireTopK(topK, descriptor.classNames().size());
        if (savePrepared != null) {
            OutputPaths.requireWritableFolder(savePrepared);
        }
        Backend backend = saved.backend();
        Map<Path, String> failures = new LinkedHashMap<>();
        List<Path> files = imageFiles(failures);
        Set<String> preparedNames = new HashSet<>();
        Map<Path, Prediction> predictions = new LinkedHashMap<>();
        try (Model model = saved.load(descriptor, backend, spec.commandLine().getErr());
                PicturePreparation preparation = new PicturePreparation()) {
            DigitClassifier classifier = new DigitClassifier(model, descriptor.architecture(), descriptor.classNames());
            for (int from = 0; from < files.size(); from += PICTURES_PER_ROUND) {
                List<Path> round = files.subList(from, Math.min(files.size(), from + PICTURES_PER_ROUND));
                List<Path> ready = new ArrayList<>(round.size());
                List<float[]> pixels = new ArrayList<>(round.size());
                for (PreparedPicture picture : preparation.prepare(round)) {
                    String failure = picture.failure() != null ? picture.failure() : save(picture, preparedNames);
                    if (failure != null) {
                        failures.put(picture.file(), failure);
                    } else {
                        ready.add(picture.file());
                        pixels.add(picture.pixels());
                    }
                }
                List<Prediction> answers = classifier.classify(pixels, topK);
                for (int i = 0; i < ready.size(); i++) {
                    predictions.put(ready.get(i), answers.get(i));
                }
            }
        }
        report(predictions, failures);
        return failures.isEmpty() ? 0 : ErrorReporter.USAGE;
    }

    /**
     * Names a prepared picture after its input, numbered when inputs from different folders share a
     * name, so that none overwrites another: {@code 7.png.28x28.png}, {@code 7.png.2.28x28.png}.
     */
    private static String uniqueName(Set<String> used, String inputName) {
        String name = inputName + PREPARED_SUFFIX;
        for (int n = 2; !used.add(name); n++) {
            name = inputName + "." + n + PREPARED_SUFFIX;
        }
        return name;
    }

    /**
     * Writes a prepared picture to {@code --save-prepared}, if given.
     *
     * @return why it could not be written, or null
     */
    private String save(PreparedPicture picture, Set<String> preparedNames) throws IOException {
        if (savePrepared == null) {
            return null;
        }
        Path file = picture.file();
        try {
            AtomicFile.write(
                    savePrepared.resolve(
                            uniqueName(preparedNames, file.getFileName().toString())),
                    out -> ImageFiles.writePng(MnistPreprocessor.toImage(picture.pixels()), out));
            return null;
        } catch (InvalidInputException e) {
            return e.getMessage();
        } catch (InvalidPathException e) {
            return file + ": its prepared picture cannot be named in this system's character set (" + e.getReason()
                    + "); run under a UTF-8 locale (LC_ALL=C.UTF-8)";
        }
    }

    private List<Path> imageFiles(Map<Path, String> failures) throws IOException {
        List<Path> files = new ArrayList<>();
        if (paths.stream().filter(STANDARD_INPUT::equals).count() > 1) {
            throw new InvalidInputException("'-' (standard input) can be given once: it holds one image");
        }
        for (Path path : paths) {
            if (path.equals(STANDARD_INPUT)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    List<Path> images = walk.filter(Files::isRegularFile)
                            .filter(ImageFiles::hasImageExtension)
                            .sorted()
                            .toList();
                    if (images.isEmpty()) {
                        failures.put(path, path + ": folder holds no PNG, JPEG, BMP or GIF files");
                    }
                    files.addAll(images);
                }
            } else if (Files.exists(path)) {
                files.add(path);
            } else {
                failures.put(path, path + ": no such file or folder");
            }
        }
        return files;
    }

    private void report(Map<Path, Prediction> predictions, Map<Path, String> failures) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (common.json) {
            JsonObject result = new JsonObject();
            result.addProperty("model", saved.folder.toString());
            result.addProperty("engine", saved.engine);
            JsonArray items = new JsonArray();
            predictions.forEach((file, prediction) -> items.add(toJson(file, prediction)));
            result.add("predictions", items);
            JsonArray errors = new JsonArray();
            failures.forEach((file, reason) -> {
                JsonObject error = new JsonObject();
                error.addProperty("file", file.toString());
                error.addProperty("error", reason);
                errors.add(error);
            });
            result.add("errors", errors);
            common.printJson(spec, () -> result);
        } else {
            predictions.forEach((file, prediction) -> out.println(OneLine.of(toLine(file, prediction))));
        }
        out.flush();
        failures.values().forEach(reason -> err.println(OneLine.of("mnistlab: " + reason)));
        err.flush();
    }

    private String toLine(Path file, Prediction prediction) {
        Prediction.RankedClass best = prediction.best();
        String line = String.format(Locale.ROOT, "%s: %s (%.4f)", file, best.name(), best.probability());
        if (topK > 1) {
            line += prediction.ranked().stream()
                    .map(c -> String.format(Locale.ROOT, "%s %.4f", c.name(), c.probability()))
                    .collect(Collectors.joining(", ", "  top-" + topK + ": ", ""));
        }
        return line;
    }

    private static JsonObject toJson(Path file, Prediction prediction) {
        JsonObject item = new JsonObject();
        item.addProperty("file", file.toString());
        item.addProperty("class", prediction.best().index());
        item.addProperty("name", prediction.best().name());
        item.addProperty("probability", prediction.best().probability());
        JsonArray top = new JsonArray();
        for (Prediction.RankedClass ranked : prediction.ranked()) {
            JsonObject entry = new JsonObject();
            entry.addProperty("class", ranked.index());
            entry.addProperty("name", ranked.name());
            entry.addProperty("probability", ranked.probability());
            top.add(entry);
        }
        item.add("top", top);
        return item;
    }
}
