package dev.mnistlab.spark.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.data.DatasetSplits;
import dev.mnistlab.testing.ImageFolders;
import dev.mnistlab.testing.TrainedFolders;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jobs as a person runs them: options, output files, summaries, and one-line errors with exit 2. */
class SparkJobsIT {

    @TempDir
    static Path temp;

    private static Path model;
    private static Path images;

    @BeforeAll
    static void trainAndWriteImages() throws IOException {
        DatasetSplits mnist = TrainedFolders.mnist();
        model = TrainedFolders.mlp(temp.resolve("mlp"), 7);
        images = ImageFolders.write(
                        temp.resolve("set"), mnist.test().head(10), mnist.test().head(300), mnist.classNames())
                .resolve("test");
        Files.writeString(images.resolve("4/broken.png"), "not a picture");
    }

    @Test
    void predictWritesOneRowPerImageAndSkipsWhatItCannotRead() throws IOException {
        Path output = temp.resolve("answers");

        Run run = run(
                "predict",
                "--master",
                "local[2]",
                "--model",
                model.toString(),
                "--images",
                images.toString(),
                "--output",
                output.toString(),
                "--on-error",
                "skip",
                "--top-k",
                "2",
                "--format",
                "csv");

        assertEquals(0, run.code, run.err);
        assertTrue(run.out.startsWith("Classified 300 of 301 images in "), run.out);
        assertTrue(
                run.out.contains("1 could not be classified (left out):\n  file:" + images.resolve("4/broken.png")
                        + ": not an image mnistlab can read (PNG, JPEG, BMP or GIF)"),
                run.out);
        assertTrue(Files.exists(output.resolve("_SUCCESS")));
        SparkSession spark = SparkSession.builder().master("local[1]").getOrCreate();
        try {
            List<Row> rows =
                    spark.read().option("header", true).csv(output.toString()).collectAsList();
            assertEquals(300, rows.size());
            Row first = rows.get(0);
            assertTrue(first.<String>getAs("top").matches("\\d:[0-9.E-]+ \\d:[0-9.E-]+"), first.toString());
            assertEquals("pytorch", first.getAs("engine"));
        } finally {
            spark.stop();
        }
    }

    @Test
    void evaluatePrintsTheFiguresAndCountsWhatItCannotRead() {
        Run run = run(
                "evaluate",
                "--master",
                "local[2]",
                "--model",
                model.toString(),
                "--data-dir",
                images.getParent().toString(),
                "--json",
                "--quiet");

        assertEquals(0, run.code, run.err);
        assertTrue(run.out.contains("\"count\": 300"), run.out);
        assertTrue(run.out.contains("\"failed\": 1"), run.out);
        assertEquals("", run.err);
    }

    @Test
    void aMissingModelIsOneLineAndExitTwo() {
        Run run = run(
                "predict",
                "--master",
                "local[1]",
                "--model",
                temp.resolve("none").toString(),
                "--images",
                images.toString(),
                "--output",
                temp.resolve("never").toString());

        assertEquals(2, run.code);
        assertEquals("mnistlab spark: " + temp.resolve("none") + ": no such model folder\n", run.err);
        assertFalse(Files.exists(temp.resolve("never")));
    }

    @Test
    void anExistingOutputIsNeverReplaced() throws IOException {
        Path output = Files.createDirectories(temp.resolve("taken"));
        Files.writeString(output.resolve("keep.txt"), "mine");

        Run run = run(
                "predict",
                "--master",
                "local[1]",
                "--model",
                model.toString(),
                "--images",
                images.toString(),
                "--output",
                output.toString());

        assertEquals(2, run.code);
        assertEquals(
                "mnistlab spark: --output " + output + " already exists; jobs never replace output: choose a new"
                        + " folder or delete it first\n",
                run.err);
        assertEquals("mine", Files.readString(output.resolve("keep.txt")));
    }

    @Test
    void anAnswerSizeOutOfRangeSpeaksOfTheOption() {
        Run run = run(
                "predict",
                "--master",
                "local[1]",
                "--model",
                model.toString(),
                "--images",
                images.toString(),
                "--output",
                temp.resolve("never2").toString(),
                "--top-k",
                "11");

        assertEquals(2, run.code);
        assertEquals("mnistlab spark: --top-k must be between 1 and 10, got 11\n", run.err);
    }

    @Test
    void anUnknownFormatOrAMissingInputIsAUsageError() {
        Run format = run(
                "predict",
                "--model",
                model.toString(),
                "--images",
                images.toString(),
                "--output",
                "x",
                "--format",
                "xml");
        Run input = run("evaluate", "--model", model.toString());

        assertEquals(2, format.code);
        assertEquals(
                "mnistlab spark: Invalid value for option '--format': 'xml' is not a format; use one of parquet,"
                        + " json, csv (see 'mnistlab spark predict --help')\n",
                format.err);
        assertEquals(2, input.code);
        assertTrue(
                input.err.startsWith("mnistlab spark: Error: Missing required argument (specify one of these):"
                        + " (--data-dir=DIR | --parquet=PATH)"),
                input.err);
    }

    @Test
    void aSweepGridNamingAValueTwiceOrSetTwiceIsAUsageError() throws IOException {
        Path grid = temp.resolve("grid.json");
        Files.writeString(grid, "{\"engines\": [\"pytorch\"], \"models\": [\"mlp\"], \"seeds\": [1, 1]}");

        Run twice = run(
                "sweep",
                "--master",
                "local[1]",
                "--seeds",
                "1,1",
                "--output",
                temp.resolve("s1").toString());
        Run both = run(
                "sweep",
                "--master",
                "local[1]",
                "--grid",
                grid.toString(),
                "--seeds",
                "2",
                "--output",
                temp.resolve("s2").toString());
        Run file = run(
                "sweep",
                "--master",
                "local[1]",
                "--grid",
                grid.toString(),
                "--output",
                temp.resolve("s3").toString());

        assertEquals(2, twice.code);
        assertEquals("mnistlab spark: seeds names 1 twice\n", twice.err);
        assertEquals(2, both.code);
        assertEquals(
                "mnistlab spark: --seeds and --grid both set the grid; put --seeds's values in the grid file\n",
                both.err);
        assertEquals(2, file.code);
        assertEquals("mnistlab spark: " + grid + ": seeds names 1 twice\n", file.err);
        assertFalse(Files.exists(temp.resolve("s1")));
    }

    @Test
    void aSweepNamesTheOptionOfABadValueBeforeItLooksForData() {
        String nowhere = temp.resolve("nowhere").toString();
        String output = temp.resolve("s4").toString();
        Run models = run("sweep", "--models", "mlp,rnn", "--data-dir", nowhere, "--output", output);
        Run engines = run("sweep", "--engines", "pytorch,tf", "--data-dir", nowhere, "--output", output);
        Run recipe = run("sweep", "--recipe", "cifar", "--data-dir", nowhere, "--output", output);

        assertEquals(2, models.code);
        assertEquals("mnistlab spark: --models 'rnn' is unknown: choose one of mlp, cnn, cnn-bn\n", models.err);
        assertEquals(2, engines.code);
        assertEquals("mnistlab spark: --engines 'tf' is unknown: available engines are mxnet, pytorch\n", engines.err);
        assertEquals(2, recipe.code);
        assertEquals("mnistlab spark: --recipe 'cifar' is unknown: choose one of mnist, fashion-mnist\n", recipe.err);
    }

    @Test
    void aFolderWithoutPicturesOrAnUnknownMasterIsOneLineAndLeavesNothing() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("no-pictures"));
        Files.writeString(empty.resolve("notes.txt"), "not a picture");

        Run none = run(
                "predict",
                "--master",
                "local[1]",
                "--model",
                model.toString(),
                "--images",
                empty.toString(),
                "--output",
                temp.resolve("none").toString());
        Run master = run(
                "predict",
                "--master",
                "bogus",
                "--model",
                model.toString(),
                "--images",
                empty.toString(),
                "--output",
                temp.resolve("none").toString());

        assertEquals(2, none.code);
        assertEquals(
                "mnistlab spark: found no images in " + empty + " (PNG, JPEG, BMP or GIF files, searched"
                        + " recursively); nothing was written\n",
                none.err);
        assertEquals("", none.out);
        assertFalse(Files.exists(temp.resolve("none")));
        assertEquals(2, master.code);
        assertEquals(
                "mnistlab spark: --master 'bogus' is not a Spark master; use local[N], spark://HOST:PORT, yarn or"
                        + " k8s://https://HOST:PORT\n",
                master.err);
    }

    @Test
    void theDataFolderMustHoldASet() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));

        Run run = run("evaluate", "--master", "local[1]", "--model", model.toString(), "--data-dir", empty.toString());

        assertEquals(2, run.code);
        assertTrue(run.err.startsWith("mnistlab spark: --data-dir " + empty + " holds neither "), run.err);
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SparkJobs.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString().replace(System.lineSeparator(), "\n"), errorLines(err.toString()));
    }

    /** The error stream without the jobs' progress lines. */
    private static String errorLines(String err) {
        StringBuilder kept = new StringBuilder();
        try (Stream<String> lines = err.lines()) {
            lines.filter(line -> !line.startsWith("mnistlab spark: classifying on")
                            && !line.startsWith("mnistlab spark: scoring on"))
                    .forEach(line -> kept.append(line).append('\n'));
        }
        return kept.toString();
    }

    private record Run(int code, String out, String err) {}
}
