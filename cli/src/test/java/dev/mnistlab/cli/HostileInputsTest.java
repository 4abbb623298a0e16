package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.testing.Folders;
import dev.mnistlab.testing.ImageFolders;
import dev.mnistlab.testing.Pictures;
import dev.mnistlab.testing.RealData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile inputs of each class issue 12 found mishandled, with cases of our own beside the reported
 * ones: each ends in a result or one line with exit 2, and leaves nothing behind.
 */
class HostileInputsTest {

    @TempDir
    static Path shared;

    static Path data;
    static Path model;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainATinyModel() throws IOException {
        TinyModel tiny = TinyModel.trainIn(shared);
        data = tiny.data();
        model = tiny.model();
    }

    private static String oneLine(int exitCode, CliRun run) {
        assertEquals(exitCode, run.exitCode(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        return run.err().strip();
    }

    private String[] train(String... extra) {
        String[] base = {
            "train",
            "--data-dir",
            data.toString(),
            "--quiet",
            "--output",
            dir.resolve("run").toString()
        };
        String[] all = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    // 1. Numbers degenerate in float32, and divergence.

    @Test
    void valuesTheEnginesFloatsCannotHoldAreRefused() {
        assertEquals(
                "mnistlab: --learning-rate 1.0E-39 is below the smallest 32-bit float the engines compute with at"
                        + " full precision (1.17549435E-38); give a larger value",
                oneLine(2, CliRun.of(train("--learning-rate", "1e-39"))));
        assertEquals(
                "mnistlab: --rho 0.999999999 is 1 in the 32-bit floats the engines compute with, where it would never"
                        + " decay; give at most 0.99999994",
                oneLine(2, CliRun.of(train("--rho", "0.999999999"))));
        assertTrue(oneLine(2, CliRun.of(train("--optimizer", "adam", "--beta2", "0.99999999999")))
                .startsWith("mnistlab: --beta2 0.99999999999 is 1 in the 32-bit floats"));
        assertFalse(Files.exists(dir.resolve("run")));
    }

    @Test
    void aDivergingRunStopsAtTheFirstNonFiniteLossInOneLine() {
        // Settings that diverge on MNIST within ten batches (too little data gives dead units, not NaN).
        for (String hidden : List.of("1024,1024", "1024,1024,1024")) {
            // Under folders that do not exist yet: a run that fails must leave none of them behind.
            Path created = dir.resolve("new-" + hidden.length());
            Path output = created.resolve("a").resolve("b");
            CliRun run = CliRun.of(
                    "train",
                    "--data-dir",
                    RealData.mnist().toString(),
                    "--quiet",
                    "--output",
                    output.toString(),
                    "--optimizer",
                    "sgd",
                    "--learning-rate",
                    "10",
                    "--momentum",
                    "0.99",
                    "--hidden",
                    hidden,
                    "--epochs",
                    "3",
                    "--limit-batches",
                    "30");
            String line = oneLine(2, run);
            assertTrue(
                    Pattern.matches(
                            "mnistlab: training diverged: the loss stopped being a finite number in epoch 1 at"
                                    + " batch \\d+; lower the learning rate \\(or the momentum\\) and train again"
                                    + " \\(no epoch finished, so nothing was saved\\)",
                            line),
                    line);
            assertFalse(Files.exists(created), "nothing is written for a run whose first epoch diverged");
        }
    }

    @Test
    void aModelWhoseParametersHoldNanIsRefusedAndJsonNeverHoldsNan() throws IOException {
        Path broken = Folders.copy(model, dir.resolve("nan-model"));
        Path parameters = broken.resolve("model-0001.params");
        byte[] bytes = Files.readAllBytes(parameters);
        // The last four bytes are the output layer's last bias, a float32: all ones is NaN in either byte order.
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, -1);
        Files.write(parameters, bytes);
        String line = oneLine(2, CliRun.of("evaluate", "--model", broken.toString(), "--data-dir", data.toString()));
        assertTrue(line.contains("holds NaN or infinite values"), line);
        CliRun json = CliRun.of("evaluate", "--model", model.toString(), "--data-dir", data.toString(), "--json");
        assertEquals(0, json.exitCode(), json.err());
        assertFalse(json.out().contains("NaN") || json.out().contains("Infinity"), json.out());
        assertTrue(JsonParser.parseString(json.out()).isJsonObject());
    }

    // 2. Sizes that overflow or do not fit.

    @Test
    void modelsTooLargeAreRefusedBeforeAnythingIsAllocated() {
        assertEquals(
                "mnistlab: --hidden: a layer of 50000 after one of 50000 has 2500000000 weights, more than one array may"
                        + " hold (2147483639); make one of them narrower",
                oneLine(2, CliRun.of(train("--hidden", "50000,50000"))));
        String memory = oneLine(2, CliRun.of(train("--hidden", "40000,40000,40000")));
        assertTrue(
                memory.startsWith("mnistlab: --hidden [40000, 40000, 40000] make too large a model: training it"
                        + " needs about"),
                memory);
        assertTrue(memory.endsWith("available; make the layers narrower"), memory);
        String batch = oneLine(2, CliRun.of(train("--model", "cnn", "--batch-size", "65536")));
        assertTrue(
                batch.startsWith(
                        "mnistlab: --batch-size 65536 is too large for this machine: training it needs" + " about"),
                batch);
    }

    // 3. Damaged files we wrote ourselves.

    @Test
    void aDamagedOptimizerStateSaysSoInOurWords() throws IOException {
        Path cut = Folders.copy(model, dir.resolve("cut"));
        byte[] state = Files.readAllBytes(cut.resolve("optimizer.state"));
        Files.write(cut.resolve("optimizer.state"), Arrays.copyOf(state, state.length / 2));
        String line = oneLine(2, resume(cut));
        assertTrue(
                line.startsWith("mnistlab: " + cut.resolve("optimizer.state") + ": optimizer state is damaged"
                        + " (cut short in parameter"),
                line);

        Path negative = Folders.copy(model, dir.resolve("negative"));
        ByteBuffer.wrap(state).putInt(4, -7);
        Files.write(negative.resolve("optimizer.state"), state);
        assertTrue(oneLine(2, resume(negative)).contains("optimizer state holds -7 parameters"));
    }

    @Test
    void aModelJsonThatIsALinkNestedOrNotJsonIsRefusedInOurWords() throws IOException {
        Path linked = Folders.copy(model, dir.resolve("linked"));
        Path elsewhere = Files.move(linked.resolve("model.json"), dir.resolve("elsewhere.json"));
        Files.createSymbolicLink(linked.resolve("model.json"), elsewhere);
        assertTrue(oneLine(2, evaluate(linked)).contains("model.json is a link to " + elsewhere));

        Path nested = Folders.copy(model, dir.resolve("nested"));
        Files.writeString(nested.resolve("model.json"), "[".repeat(5000) + "]".repeat(5000));
        assertEquals(
                "mnistlab: " + nested.resolve("model.json") + ": nested more than 64 levels deep; save the model"
                        + " again",
                oneLine(2, evaluate(nested)));

        Path broken = Folders.copy(model, dir.resolve("broken"));
        Files.writeString(broken.resolve("model.json"), "{\"format\": \"mnistlab-model/1\",\n  \"architecture\": }");
        assertEquals(
                "mnistlab: " + broken.resolve("model.json") + ": not valid JSON (line 2, column 19); save the model"
                        + " again",
                oneLine(2, evaluate(broken)));

        Path mistyped = Folders.copy(model, dir.resolve("mistyped"));
        String json = Files.readString(mistyped.resolve("model.json"));
        Files.writeString(mistyped.resolve("model.json"), json.replaceFirst("\"name\": \"mlp\"", "\"name\": {}"));
        String line = oneLine(2, evaluate(mistyped));
        assertTrue(line.contains(": malformed (a field is missing or has the wrong type); save the model again"), line);
    }

    // 5. Images.

    @Test
    void aCutJpegIsAnErrorAndOneBadFileDoesNotStopTheOthers() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        byte[] jpeg = Pictures.encoded(Pictures.stroke(BufferedImage.TYPE_INT_RGB), "jpg");
        Files.write(folder.resolve("a-cut.jpg"), Arrays.copyOf(jpeg, jpeg.length / 2));
        Files.write(folder.resolve("b-whole.jpg"), jpeg);
        Files.write(folder.resolve("c-text.png"), "not a picture".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CliRun run = CliRun.of("predict", "--model", model.toString(), folder.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.out().contains("b-whole.jpg: "), run.out());
        List<String> errors = run.err().lines().toList();
        assertEquals(2, errors.size(), run.err());
        assertTrue(errors.get(0).contains("a-cut.jpg: damaged or cut short"), errors.get(0));
        assertTrue(errors.get(1).contains("c-text.png: not an image mnistlab can read"), errors.get(1));
    }

    @Test
    void anImageFolderDatasetLeavesOutJunkAndSaysWhich() throws IOException {
        DatasetSplits splits = DatasetLoader.load(data, dev.mnistlab.data.NamedDataset.MNIST);
        Path set = ImageFolders.write(dir.resolve("set"), splits.train(), splits.test(), splits.classNames());
        Path classFolder = set.resolve("train").resolve(splits.classNames().get(0));
        Files.writeString(classFolder.resolve("._0.png"), "AppleDouble");
        Files.writeString(classFolder.resolve("junk.png"), "not a picture");
        Files.createDirectories(set.resolve("train").resolve(".ipynb_checkpoints"));
        CliRun run = CliRun.of("train", "--data-dir", set.toString(), "--epochs", "1", "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                "mnistlab: warning: left out 1 file of " + set + " that cannot be used: train/"
                        + splits.classNames().get(0) + "/junk.png: not an image mnistlab can read (PNG, JPEG, BMP"
                        + " or GIF)",
                run.err().strip());
    }

    // 6. File names.

    @Test
    void preparedPicturesOfInputsSharingANameAreAllKept() throws IOException {
        byte[] png = Pictures.encoded(Pictures.stroke(BufferedImage.TYPE_INT_RGB), "png");
        Files.write(Files.createDirectories(dir.resolve("a")).resolve("7.png"), png);
        Files.write(Files.createDirectories(dir.resolve("b")).resolve("7.png"), png);
        Path prepared = dir.resolve("prepared");
        CliRun run = CliRun.of(
                "predict",
                "--model",
                model.toString(),
                "--save-prepared",
                prepared.toString(),
                dir.resolve("a").toString(),
                dir.resolve("b").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.exists(prepared.resolve("7.png.28x28.png")));
        assertTrue(Files.exists(prepared.resolve("7.png.2.28x28.png")));
    }

    @Test
    void namesInAnotherCharsetAreReadAndReported() throws IOException, InterruptedException {
        Path folder = Files.createDirectories(dir.resolve("latin1"));
        Files.write(folder.resolve("seven.png"), Pictures.encoded(Pictures.stroke(BufferedImage.TYPE_INT_RGB), "png"));
        // A Latin-1 "ä" (one byte, 0xE4), which is not UTF-8: only a shell can name it so.
        Process rename = new ProcessBuilder("bash", "-c", "mv seven.png $'\\xe4.png'")
                .directory(folder.toFile())
                .inheritIO()
                .start();
        assertEquals(0, rename.waitFor());
        CliRun run = CliRun.of("predict", "--model", model.toString(), folder.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.out().lines().count(), run.out());
    }

    @Test
    void aNameWithALineBreakStaysOnOneLine() throws IOException {
        Path junk = Files.writeString(dir.resolve("two\nlines.png"), "not a picture");
        CliRun run = CliRun.of("predict", "--model", model.toString(), junk.toString());
        assertEquals(
                "mnistlab: " + dir + "/two\\nlines.png: not an image mnistlab can read (PNG, JPEG, BMP or GIF)",
                oneLine(2, run));
    }

    // 7. Checks made early, and nothing left behind.

    @Test
    void outputsThatCannotBeWrittenAreRefusedBeforeTheWorkAndLeaveNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("report.txt"), "mine");
        assertEquals(
                "mnistlab: " + file.resolve("confusion.png") + " cannot be created: " + file
                        + " is a file, not a folder",
                oneLine(
                        2,
                        CliRun.of(
                                "evaluate",
                                "--model",
                                model.toString(),
                                "--data-dir",
                                data.toString(),
                                "--output",
                                file.toString())));
        assertEquals("mine", Files.readString(file));

        Path deep = dir.resolve("new").resolve("a").resolve("b");
        oneLine(2, CliRun.of("train", "--data-dir", dir.resolve("missing").toString(), "--output", deep.toString()));
        oneLine(2, CliRun.of(train("--learning-rate", "1e-39")));
        String longName = "x".repeat(240);
        assertEquals(
                "mnistlab: " + dir.resolve(longName) + ": the name '" + longName + "' has 240 bytes; give one of at"
                        + " most 223",
                oneLine(
                        2,
                        CliRun.of(
                                "train",
                                "--data-dir",
                                data.toString(),
                                "--output",
                                dir.resolve(longName).toString())));
        Path compareOutput = dir.resolve("cmp");
        oneLine(
                2,
                CliRun.of(
                        "compare",
                        "--data-dir",
                        dir.resolve("missing").toString(),
                        "--output",
                        compareOutput.toString()));
        Path badData = Folders.copy(data, dir.resolve("bad-data"));
        Files.write(badData.resolve("train-labels-idx1-ubyte.gz"), new byte[] {1, 2, 3});
        oneLine(2, CliRun.of("compare", "--data-dir", badData.toString(), "--output", compareOutput.toString()));
        assertEquals(
                "mnistlab: the JVM does not start with the options -Xmx1k: Too small maximum heap",
                oneLine(
                        2,
                        CliRun.of(
                                "compare",
                                "--data-dir",
                                data.toString(),
                                "--jvm-option=-Xmx1k",
                                "--output",
                                compareOutput.toString())));
        assertFalse(Files.exists(compareOutput), "no report for a comparison that could not start");
    }

    // What a new user trips over.

    @Test
    void namesAreTakenInAnyCase() {
        CliRun run = CliRun.of(
                "train",
                "--data-dir",
                data.toString(),
                "--engine",
                "PyTorch",
                "--model",
                "MLP",
                "--optimizer",
                "ADAM",
                "--device",
                "CPU",
                "--epochs",
                "1",
                "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        CliRun shown = CliRun.of(
                "show",
                "--data-dir",
                data.toString(),
                "--split",
                "TEST",
                "--output",
                dir.resolve("grid.png").toString(),
                "--quiet");
        assertEquals(0, shown.exitCode(), shown.err());
    }

    // 8. Locale.

    @Test
    void outputIsTheSameUnderAGermanLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            CliRun trained = CliRun.of("train", "--data-dir", data.toString(), "--epochs", "1", "--quiet");
            assertTrue(
                    trained.out().lines().anyMatch(line -> line.matches("Test accuracy \\d\\.\\d{4}, test loss .*")),
                    trained.out());
            assertFalse(trained.out().matches("(?s).*\\d,\\d{4}.*"), trained.out());
            CliRun evaluated = CliRun.of("evaluate", "--model", model.toString(), "--data-dir", data.toString());
            assertFalse(evaluated.out().matches("(?s).*\\b[01],\\d{4}\\b.*"), evaluated.out());
            assertTrue(evaluated.out().matches("(?s).*\\d\\.\\d{4}.*"), evaluated.out());
            Path picture = dir.resolve("seven.png");
            Files.write(picture, Pictures.encoded(Pictures.stroke(BufferedImage.TYPE_INT_RGB), "png"));
            CliRun predicted = CliRun.of("predict", "--model", model.toString(), "--top-k", "2", picture.toString());
            assertTrue(
                    predicted
                            .out()
                            .matches(".*: \\S+ \\(\\d\\.\\d{4}\\)  top-2: \\S+ \\d\\.\\d{4}, \\S+ \\d\\.\\d{4}\\R"),
                    predicted.out());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            Locale.setDefault(before);
        }
    }

    private static CliRun evaluate(Path folder) {
        return CliRun.of("evaluate", "--model", folder.toString(), "--data-dir", data.toString());
    }

    private static CliRun resume(Path folder) {
        return CliRun.of("train", "--resume", folder.toString(), "--epochs", "2", "--data-dir", data.toString());
    }
}
