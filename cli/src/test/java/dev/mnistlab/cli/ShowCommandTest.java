package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.pictures.ConfusionChart;
import dev.mnistlab.pictures.GridCells;
import dev.mnistlab.pictures.ImageGrid;
import dev.mnistlab.pictures.TrainingCurves;
import dev.mnistlab.testing.IdxFiles;
import dev.mnistlab.testing.Pictures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pictures: {@code show} sheets, {@code train}'s curves and {@code evaluate}'s confusion map. */
class ShowCommandTest {

    @TempDir
    Path dir;

    private Path data;

    @BeforeEach
    void smallDataset() throws IOException {
        data = IdxFiles.writeDataset(dir.resolve("data"), 96, 48);
    }

    @Test
    void samplesSheetHasOneTilePerCell() throws IOException {
        Path png = dir.resolve("samples.png");
        CliRun run = CliRun.of(
                "show", "--data-dir", data.toString(), "--rows", "3", "--cols", "4", "--output", png.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                "Wrote " + png + ": 12 images of the mnist test set in a 3x4 grid" + System.lineSeparator(), run.out());
        BufferedImage sheet = Pictures.readPng(png);
        assertEquals(ImageGrid.width(4), sheet.getWidth());
        assertEquals(ImageGrid.height(3), sheet.getHeight());
        assertEquals(12, GridCells.tilesIn(sheet, 3, 4));
    }

    @Test
    void labelFilterCanLeaveCellsEmpty() throws IOException {
        Path png = dir.resolve("threes.png");
        CliRun run = CliRun.of(
                "show",
                "--data-dir",
                data.toString(),
                "--split",
                "train",
                "--labels",
                "3",
                "--rows",
                "5",
                "--cols",
                "5",
                "--output",
                png.toString());

        assertEquals(0, run.exitCode(), run.err());
        int threes = Integer.parseInt(run.out().split(": ", -1)[1].split(" ", -1)[0]);
        assertTrue(threes > 0 && threes < 25, run.out());
        assertEquals(threes, GridCells.tilesIn(Pictures.readPng(png), 5, 5));
    }

    @Test
    void trainedModelGivesCurvesConfusionAndErrorSheet() throws IOException {
        Path model = dir.resolve("model");
        assertEquals(
                0,
                CliRun.of("train", "--data-dir", data.toString(), "--epochs", "2", "--output", model.toString())
                        .exitCode());
        BufferedImage curves = Pictures.readPng(model.resolve(TrainingCurves.FILE_NAME));
        assertEquals(TrainingCurves.WIDTH, curves.getWidth());
        assertTrue(Pictures.colours(curves) > 20, "curves drawn");

        CliRun evaluate = CliRun.of(
                "evaluate",
                "--model",
                model.toString(),
                "--data-dir",
                data.toString(),
                "--output",
                dir.resolve("eval").toString());
        assertEquals(0, evaluate.exitCode(), evaluate.err());
        BufferedImage confusion = Pictures.readPng(dir.resolve("eval").resolve(ConfusionChart.FILE_NAME));
        assertEquals(ConfusionChart.HEIGHT, confusion.getHeight());
        assertTrue(Pictures.colours(confusion) > 20, "heat map drawn");

        Path errors = dir.resolve("errors.png");
        CliRun show = CliRun.of(
                "show",
                "--model",
                model.toString(),
                "--errors",
                "--data-dir",
                data.toString(),
                "--rows",
                "2",
                "--cols",
                "3",
                "--output",
                errors.toString());
        assertEquals(0, show.exitCode(), show.err());
        assertEquals(6, GridCells.tilesIn(Pictures.readPng(errors), 2, 3), "random data: six mistakes at least");
    }

    @Test
    void badRequestsAreOneLineErrors() {
        Path png = dir.resolve("never.png");
        assertBad("mnistlab: --errors needs --model DIR: the mistakes of which model?", png, "--errors");
        assertBad("mnistlab: --rows and --cols must be between 1 and 50, got 0x6", png, "--rows", "0");
        assertBad("mnistlab: --split must be train or test, got 'val'", png, "--split", "val");
        assertBad("mnistlab: --labels takes class indices 0 to 9, got 12", png, "--labels", "3,12");
        assertBad("mnistlab: --start 48 is past the last image of the test set (48 images)", png, "--start", "48");
        assertBad("mnistlab: " + dir + " is a folder; give a file name (e.g. " + dir.resolve("out") + ")", dir);
    }

    private void assertBad(String message, Path output, String... extra) {
        String[] base = {"show", "--data-dir", data.toString(), "--output", output.toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliRun run = CliRun.of(args);
        assertEquals(message + System.lineSeparator(), run.err());
        assertEquals(2, run.exitCode());
        assertFalse(Files.exists(dir.resolve("never.png")), "nothing written");
    }
}
