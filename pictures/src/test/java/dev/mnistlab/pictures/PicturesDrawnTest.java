package dev.mnistlab.pictures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.data.ImageSet;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.eval.ConfusionMatrix;
import dev.mnistlab.testing.Pictures;
import dev.mnistlab.testing.SampleResults;
import dev.mnistlab.train.EpochMetrics;
import dev.mnistlab.train.StepPhases;
import dev.mnistlab.train.TrainingResult;
import dev.mnistlab.train.TrainingSpec;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PicturesDrawnTest {

    @Test
    void gridHasOneCellPerTileAndEmptyCellsStayEmpty() {
        List<ImageGrid.Tile> tiles = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            float[] pixels = new float[784];
            pixels[14 * 28 + 14] = 1f;
            tiles.add(new ImageGrid.Tile(pixels, "tile " + i, i == 2));
        }
        BufferedImage grid = ImageGrid.draw(tiles, 2, 3);

        assertEquals(ImageGrid.width(3), grid.getWidth());
        assertEquals(ImageGrid.height(2), grid.getHeight());
        assertEquals(5, GridCells.tilesIn(grid, 2, 3));
        Rectangle second = ImageGrid.imageArea(1, 3);
        assertEquals(0x000000, grid.getRGB(second.x, second.y) & 0xffffff, "paper is black");
        assertEquals(
                0xffffff,
                grid.getRGB(second.x + 14 * ImageGrid.SCALE + 1, second.y + 14 * ImageGrid.SCALE + 1) & 0xffffff,
                "ink is white, each pixel enlarged");
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.draw(tiles, 2, 2));
    }

    @Test
    void sheetPicksImagesByStartAndLabel() {
        byte[] labels = {3, 5, 3, 1, 5, 3};
        ImageSet images = new ImageSet(new byte[labels.length * 784], labels, 28, 28);
        List<String> names = NamedDataset.MNIST.classNames();

        List<ImageGrid.Tile> fives = SampleSheet.labelled(images, names, 0, Set.of(5), 10);
        List<ImageGrid.Tile> fromTwo = SampleSheet.labelled(images, names, 2, Set.of(), 3);

        assertEquals(
                List.of("5", "5"), fives.stream().map(ImageGrid.Tile::title).toList());
        assertEquals(
                List.of("3", "1", "5"),
                fromTwo.stream().map(ImageGrid.Tile::title).toList());
    }

    @Test
    void curvesAndConfusionAreDrawnAtTheirSize(@TempDir Path dir) throws IOException {
        List<EpochMetrics> epochs = List.of(
                new EpochMetrics(1, 0.40, 0.89, 0.25, 0.93, 3, 20_000, 0.1, StepPhases.none()),
                new EpochMetrics(2, 0.21, 0.94, 0.18, 0.95, 3, 20_000, 0.1, StepPhases.none()));
        TrainingResult result = SampleResults.of(TrainingSpec.builder().build(), epochs);
        PngFile.write(TrainingCurves.draw(result), dir.resolve(TrainingCurves.FILE_NAME));
        ConfusionMatrix confusion = new ConfusionMatrix(10);
        for (int c = 0; c < 10; c++) {
            confusion.add(c, c);
            confusion.add(c, (c + 1) % 10);
        }
        PngFile.write(
                ConfusionChart.draw(confusion, NamedDataset.FASHION_MNIST.classNames(), "test"),
                dir.resolve(ConfusionChart.FILE_NAME));

        BufferedImage curves = Pictures.readPng(dir.resolve(TrainingCurves.FILE_NAME));
        BufferedImage heatMap = Pictures.readPng(dir.resolve(ConfusionChart.FILE_NAME));
        assertEquals(
                List.of(TrainingCurves.WIDTH, TrainingCurves.HEIGHT), List.of(curves.getWidth(), curves.getHeight()));
        assertEquals(
                List.of(ConfusionChart.WIDTH, ConfusionChart.HEIGHT), List.of(heatMap.getWidth(), heatMap.getHeight()));
        assertTrue(Pictures.colours(curves) > 20, "curves drawn");
        assertTrue(Pictures.colours(heatMap) > 20, "heat map drawn");
    }
}
