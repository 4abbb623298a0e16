package dev.mnistlab.pictures;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/** Checks of the grids {@link ImageGrid} draws, for tests here and in the command line's. */
public final class GridCells {

    private GridCells() {}

    /** Counts the cells of an grid that hold an image (empty cells stay white). */
    public static int tilesIn(BufferedImage grid, int rows, int cols) {
        int tiles = 0;
        for (int index = 0; index < rows * cols; index++) {
            Rectangle area = ImageGrid.imageArea(index, cols);
            if (!allWhite(grid, area)) {
                tiles++;
            }
        }
        return tiles;
    }

    private static boolean allWhite(BufferedImage image, Rectangle area) {
        for (int y = area.y; y < area.y + area.height; y++) {
            for (int x = area.x; x < area.x + area.width; x++) {
                if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) {
                    return false;
                }
            }
        }
        return true;
    }
}
