package dev.mnistlab.pictures;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws labelled 28x28 images in a grid, as the reference tutorial shows its samples: each image
 * enlarged without smoothing, ink white on black, its title above it in up to two lines (a line
 * break in the title starts the second), each line set smaller when it is wider than the image and
 * cut short only when even the smallest size is too wide.
 *
 * <pre>{@code
 * BufferedImage grid = ImageGrid.draw(List.of(new ImageGrid.Tile(pixels, "5")), 1, 1);
 * ImageIO.write(grid, "png", file);
 * }</pre>
 */
public final class ImageGrid {

    /** How many screen pixels each image pixel becomes. */
    public static final int SCALE = 4;

    /** The height of a tile's title strip: two lines. */
    public static final int TITLE_HEIGHT = 32;

    private static final int SIDE = 28;
    private static final int GAP = 6;
    private static final Color MISTAKE = new Color(0xC62828);
    private static final int TITLE_POINTS = 12;
    private static final int SMALLEST_POINTS = 9;
    private static final int LINE_HEIGHT = 15;

    /**
     * One image of the grid.
     *
     * @param pixels 784 values in [0, 1], row-major, ink high
     * @param title the text above the image, e.g. its label; a {@code \n} starts its second line
     * @param highlighted whether to draw the title in red (a mistake, say)
     */
    // The pixels are shared, not copied.
    @SuppressWarnings("ArrayRecordComponent")
    public record Tile(float[] pixels, String title, boolean highlighted) {

        /** A tile with a plain title. */
        public Tile(float[] pixels, String title) {
            this(pixels, title, false);
        }
    }

    private ImageGrid() {}

    /** Returns the width in pixels of a grid with {@code cols} columns. */
    public static int width(int cols) {
        return cols * (SIDE * SCALE + GAP) + GAP;
    }

    /** Returns the height in pixels of a grid with {@code rows} rows. */
    public static int height(int rows) {
        return rows * (SIDE * SCALE + TITLE_HEIGHT + GAP) + GAP;
    }

    /**
     * Returns where the image of tile {@code index} lies in a grid of {@code cols} columns (its
     * title strip is just above).
     */
    public static Rectangle imageArea(int index, int cols) {
        int x = GAP + (index % cols) * (SIDE * SCALE + GAP);
        int y = GAP + (index / cols) * (SIDE * SCALE + TITLE_HEIGHT + GAP) + TITLE_HEIGHT;
        return new Rectangle(x, y, SIDE * SCALE, SIDE * SCALE);
    }

    /**
     * Draws tiles row by row; cells beyond the last tile stay empty.
     *
     * @param tiles at most {@code rows * cols} tiles
     * @param rows grid rows
     * @param cols grid columns
     * @return an RGB image of {@link #width(int)} by {@link #height(int)} pixels
     */
    public static BufferedImage draw(List<Tile> tiles, int rows, int cols) {
        if (tiles.size() > rows * cols) {
            throw new IllegalArgumentException(tiles.size() + " tiles do not fit " + rows + "x" + cols);
        }
        BufferedImage grid = new BufferedImage(width(cols), height(rows), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = grid.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        for (int i = 0; i < tiles.size(); i++) {
            Tile tile = tiles.get(i);
            Rectangle area = imageArea(i, cols);
            g.setColor(tile.highlighted() ? MISTAKE : Color.BLACK);
            String[] lines = tile.title().split("\n", 2);
            for (int line = 0; line < lines.length; line++) {
                // One line sits on the lower of the two, next to its image.
                int baselineRow = lines.length == 1 ? 1 : line;
                drawCentred(
                        g, lines[line], area.x, area.width, area.y - TITLE_HEIGHT + (baselineRow + 1) * LINE_HEIGHT);
            }
            drawPixels(g, tile.pixels(), area.x, area.y);
        }
        g.dispose();
        return grid;
    }

    private static void drawPixels(Graphics2D g, float[] pixels, int x, int y) {
        for (int p = 0; p < SIDE * SIDE; p++) {
            int level = Math.round(Math.max(0, Math.min(1, pixels[p])) * 255);
            g.setColor(new Color(level, level, level));
            g.fillRect(x + (p % SIDE) * SCALE, y + (p / SIDE) * SCALE, SCALE, SCALE);
        }
    }

    /** Draws one line centred over a width, in the largest size that fits, cut short if none does. */
    private static void drawCentred(Graphics2D g, String text, int x, int width, int baseline) {
        int points = TITLE_POINTS;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, points));
        while (points > SMALLEST_POINTS && g.getFontMetrics().stringWidth(text) > width) {
            points--;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, points));
        }
        FontMetrics metrics = g.getFontMetrics();
        String fitted = text;
        while (fitted.length() > 1 && metrics.stringWidth(fitted) > width) {
            fitted = fitted.substring(0, fitted.length() - 2) + "…";
        }
        g.drawString(fitted, x + (width - metrics.stringWidth(fitted)) / 2, baseline - metrics.getDescent());
    }
}
