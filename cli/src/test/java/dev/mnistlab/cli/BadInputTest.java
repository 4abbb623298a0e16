package dev.mnistlab.cli;

import static dev.mnistlab.testing.IdxFiles.gzip;
import static dev.mnistlab.testing.IdxFiles.labels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.testing.IdxFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each bad input gives one line on standard error, exit code 2, no stack trace, no output files. */
class BadInputTest {

    @TempDir
    Path dir;

    private Path data;
    private Path output;

    @BeforeEach
    void smallDataset() throws IOException {
        data = IdxFiles.writeDataset(dir.resolve("data"), 64, 16);
        output = dir.resolve("out");
    }

    private void assertBadInput(String expectedLine, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(expectedLine + System.lineSeparator(), run.err(), "stdout was: " + run.out());
        assertEquals(2, run.exitCode());
        assertFalse(Files.exists(output), "no output may be written");
    }

    private String[] train(String... extra) {
        return concat(new String[] {"train", "--data-dir", data.toString(), "--output", output.toString()}, extra);
    }

    @Test
    void unknownEngineListsAvailableOnes() {
        assertBadInput(
                "mnistlab: --engine 'tensorflow' is unknown: available engines are mxnet, pytorch",
                train("--engine", "tensorflow"));
    }

    @Test
    void compareRejectsBadPlansBeforeRunningAnything() throws IOException {
        String[] base = {"compare", "--data-dir", data.toString(), "--output", output.toString()};
        assertBadInput(
                "mnistlab: --engines 'tensorflow' is unknown: available engines are mxnet, pytorch",
                concat(base, "--engines", "pytorch,tensorflow"));
        assertBadInput(
                "mnistlab: --models 'rnn' is unknown: choose one of mlp, cnn, cnn-bn",
                concat(base, "--models", "mlp,rnn"));
        assertBadInput("mnistlab: --repeat must be between 1 and 100, got 0", concat(base, "--repeat", "0"));
        assertBadInput(
                "mnistlab: --threads must be between 1 and 1024, or auto, got -2", concat(base, "--threads", "-2"));
        assertBadInput(
                "mnistlab: --engines names an engine twice: mxnet,mxnet", concat(base, "--engines", "mxnet,mxnet"));
        assertBadInput("mnistlab: --batch-size must be between 1 and 65536, got 0", concat(base, "--batch-size", "0"));
        Path unrelated = Files.createDirectories(dir.resolve("unrelated"));
        Files.writeString(unrelated.resolve("notes.txt"), "mine");
        CliRun run = CliRun.of("compare", "--data-dir", data.toString(), "--output", unrelated.toString());
        assertEquals(
                "mnistlab: --output " + unrelated + " holds files but no earlier comparison; give a new or"
                        + " empty folder" + System.lineSeparator(),
                run.err());
        assertEquals(2, run.exitCode());
    }

    private static String[] concat(String[] base, String... extra) {
        String[] args = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return args;
    }

    @Test
    void unknownModel() {
        assertBadInput(
                "mnistlab: --model 'resnet' is unknown: choose one of mlp, cnn, cnn-bn", train("--model", "resnet"));
    }

    @Test
    void zeroOrNegativeEpochs() {
        assertBadInput("mnistlab: --epochs must be between 1 and 10000, got 0", train("--epochs", "0"));
        assertBadInput("mnistlab: --epochs must be between 1 and 10000, got -2", train("--epochs", "-2"));
    }

    @Test
    void zeroBatchSize() {
        assertBadInput("mnistlab: --batch-size must be between 1 and 65536, got 0", train("--batch-size", "0"));
    }

    @Test
    void missingDataFolderListsExpectedFiles() {
        Path absent = dir.resolve("absent");
        assertBadInput(
                "mnistlab: --data-dir " + absent + " does not exist; give a folder holding"
                        + " train-images-idx3-ubyte, train-labels-idx1-ubyte,"
                        + " t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (each .gz or not),"
                        + " or train/ and test/ folders with one folder of 28x28 images per class",
                "train",
                "--data-dir",
                absent.toString(),
                "--output",
                output.toString());
    }

    @Test
    void wrongMagicNumber() throws IOException {
        Path labelsFile = data.resolve("train-labels-idx1-ubyte.gz");
        Files.copy(
                data.resolve("train-images-idx3-ubyte.gz"),
                labelsFile,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertBadInput(
                "mnistlab: " + labelsFile + ": has magic number 0x00000803, expected 0x00000801"
                        + " (IDX, unsigned bytes, 1 dimension); is it the right file?",
                train());
    }

    @Test
    void truncatedIdxFile() throws IOException {
        Path images = data.resolve("t10k-images-idx3-ubyte.gz");
        byte[] raw = IdxFiles.images(16, 5);
        Files.write(images, gzip(Arrays.copyOf(raw, raw.length - 100)));
        assertBadInput(
                "mnistlab: " + images + ": truncated: the header promises 12544 bytes of data but the file"
                        + " holds 12444",
                train());
    }

    @Test
    void imageAndLabelCountsDiffer() throws IOException {
        Files.write(data.resolve("t10k-labels-idx1-ubyte.gz"), gzip(labels(15)));
        assertBadInput(
                "mnistlab: " + data.resolve("t10k-images-idx3-ubyte.gz") + " holds 16 images but "
                        + data.resolve("t10k-labels-idx1-ubyte.gz") + " holds 15 labels; the counts must match",
                train());
    }

    @Test
    void gpuWithoutGpu() {
        assertBadInput(
                "mnistlab: --device gpu: the pytorch engine sees no GPU (no CUDA device visible, or CPU-only"
                        + " native libraries loaded; see docs/gpu.md); choose cpu or auto",
                train("--device", "gpu"));
        assertBadInput(
                "mnistlab: --device gpu: the mxnet engine sees no GPU (no CUDA device visible, or CPU-only"
                        + " native libraries loaded; see docs/gpu.md); choose cpu or auto",
                train("--engine", "mxnet", "--device", "gpu"));
    }

    @Test
    void outputThatIsAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        CliRun run = CliRun.of("train", "--data-dir", data.toString(), "--output", file.toString());
        assertEquals(
                "mnistlab: --output " + file + " is a file; give a folder (it is created if needed)"
                        + System.lineSeparator(),
                run.err());
        assertEquals(2, run.exitCode());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void outputWhereNothingCanBeWrittenFailsBeforeTrainingInOneLine() {
        CliRun run = CliRun.of("train", "--data-dir", data.toString(), "--output", "/proc/run");
        assertEquals(1, run.exitCode());
        assertTrue(
                run.err()
                        .matches(
                                "mnistlab: could not read or write a file: /proc/\\.mnistlab-probe-\\d+ \\(no such file"
                                        + " or folder\\) \\(run with --verbose for details\\)\\R"),
                run.err());
        assertEquals("", run.out(), "nothing was trained");
    }

    @Test
    void outputFolderHoldingOtherFilesIsNotReplaced() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("documents"));
        Files.writeString(folder.resolve("thesis.txt"), "keep me");
        CliRun run = CliRun.of("train", "--data-dir", data.toString(), "--output", folder.toString());
        assertEquals(
                "mnistlab: --output " + folder + " holds files but no model; give a new or empty folder, or one"
                        + " a training run saved" + System.lineSeparator(),
                run.err());
        assertEquals(2, run.exitCode());
        assertEquals("keep me", Files.readString(folder.resolve("thesis.txt")));
    }

    @Test
    void evaluateWithoutModelFolder() {
        Path absent = dir.resolve("no-model");
        assertBadInput(
                "mnistlab: --model " + absent + " does not exist; give a folder that a training run saved",
                "evaluate",
                "--model",
                absent.toString());
        assertBadInput(
                "mnistlab: --model " + data + " has no model.json; is it a folder that a training run saved?",
                "evaluate",
                "--model",
                data.toString());
    }

    @Test
    void resumeNeedsACheckpointAndKeepsTheRunsSettings() throws IOException {
        Path run = dir.resolve("run");
        CliRun first = CliRun.of("train", "--data-dir", data.toString(), "--epochs", "1", "--output", run.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertBadInput(
                "mnistlab: --model cannot be changed when resuming: the run's settings come from " + run
                        + "; only --epochs, --engine, --device, --threads, --data-dir may be given with --resume",
                "train",
                "--resume",
                run.toString(),
                "--model",
                "cnn");
        assertBadInput(
                "mnistlab: --resume " + run + " already has 1 epoch; ask for 2 or more epochs in all to"
                        + " train further",
                "train",
                "--resume",
                run.toString(),
                "--data-dir",
                data.toString());
        CliRun resumed = CliRun.of("train", "--resume", run.toString(), "--epochs", "2", "--data-dir", data.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.out().startsWith("Resuming " + run + " after epoch 1 of 1, up to epoch 2"), resumed.out());
        assertTrue(Files.exists(run.resolve("model-0002.params")));

        Files.delete(run.resolve("optimizer.state"));
        assertBadInput(
                "mnistlab: --resume " + run + ": no checkpoint (optimizer.state is missing); only folders"
                        + " saved with their optimizer state can be resumed",
                "train",
                "--resume",
                run.toString());
    }

    @Test
    void brokenModelFolders() throws IOException {
        Path run = dir.resolve("model");
        assertEquals(
                0,
                CliRun.of("train", "--data-dir", data.toString(), "--epochs", "1", "--output", run.toString())
                        .exitCode());
        Path descriptor = run.resolve("model.json");
        String json = Files.readString(descriptor);

        Files.writeString(descriptor, json.substring(0, json.length() / 2));
        CliRun malformed = CliRun.of("evaluate", "--model", run.toString(), "--data-dir", data.toString());
        assertEquals(2, malformed.exitCode());
        assertTrue(malformed.err().startsWith("mnistlab: " + descriptor + ": not valid JSON (line "), malformed.err());
        assertTrue(malformed.err().endsWith("); save the model again" + System.lineSeparator()), malformed.err());

        Files.writeString(
                descriptor,
                json.replace("\"name\": \"mlp\"", "\"name\": \"cnn\"").replace("\"hidden\"", "\"unused\""));
        CliRun foreign = CliRun.of("evaluate", "--model", run.toString(), "--data-dir", data.toString());
        assertEquals(2, foreign.exitCode());
        assertTrue(foreign.err().startsWith("mnistlab: " + run + ": its parameters "), foreign.err());

        Files.writeString(descriptor, json);
        Path parameters = run.resolve("model-0001.params");
        byte[] whole = Files.readAllBytes(parameters);
        Files.write(parameters, Arrays.copyOf(whole, whole.length - 1000));
        CliRun truncated = CliRun.of("evaluate", "--model", run.toString(), "--data-dir", data.toString());
        assertEquals(2, truncated.exitCode());
        assertTrue(
                truncated
                        .err()
                        .startsWith("mnistlab: " + run + ": its parameters cannot be loaded as the mlp it"
                                + " describes ("),
                truncated.err());
        assertEquals(1, truncated.err().lines().count(), truncated.err());
    }

    @Test
    void anEmptyPathIsRefusedNotTakenForTheCurrentFolder() {
        assertBadInput(
                "mnistlab: Invalid value for option '--model': the path is empty; give a file or folder name"
                        + " (see 'mnistlab evaluate --help')",
                "evaluate",
                "--model",
                "");
        assertBadInput(
                "mnistlab: Invalid value for option '--output': the path is empty; give a file or folder name"
                        + " (see 'mnistlab train --help')",
                "train",
                "--data-dir",
                data.toString(),
                "--output",
                "");
    }

    @Test
    void malformedNumberAndUnknownOptionAreUsageErrors() {
        assertBadInput(
                "mnistlab: Invalid value for option '--epochs': 'two' is not an int (see 'mnistlab train --help')",
                train("--epochs", "two"));
        assertBadInput(
                "mnistlab: Unknown options: '--epoch', '2'; did you mean --epochs or --epsilon? (see 'mnistlab train --help')",
                train("--epoch", "2"));
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun run = CliRun.of(train("--epochs", "0", "--verbose"));
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("\tat dev.mnistlab."), run.err());
        assertTrue(
                run.err().endsWith("mnistlab: --epochs must be between 1 and 10000, got 0" + System.lineSeparator()));
    }
}
