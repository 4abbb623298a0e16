package dev.mnistlab.data;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * The grey level of every pixel of a decoded picture, 0 (black) to 255 (white), row by row.
 *
 * <p>A grey picture (a grey PNG such as MNIST's, 8 or 16 bits, with or without alpha) gives its own
 * levels. Java's {@link BufferedImage#getRGB} would not: it takes a grey picture's levels as linear
 * light and brightens them to sRGB (a level of 50 becomes 122, 128 becomes 188), though grey PNGs
 * store them as they are shown. A picture in colour gives the luminance ({@link
 * ImageFiles#luminance}) of each pixel's sRGB colour, read from its samples where they are bytes
 * (JPEGs, RGB and RGBA PNGs); one of at most 256 colours (a palette PNG, a GIF) works each colour
 * out once and looks it up for every pixel.
 *
 * <pre>{@code
 * int[] levels = GreyLevels.onWhitePaper(ImageFiles.read(Path.of("digit.png")));
 * }</pre>
 */
public final class GreyLevels {

    private static final int WHITE = 255;

    private static final int UNKNOWN = -1;

    private GreyLevels() {}

    /**
     * Returns the levels as the picture shows on white paper: a transparent pixel is white, a
     * half-transparent one half-way to white.
     */
    public static int[] onWhitePaper(BufferedImage image) {
        return levels(image, true);
    }

    /** Returns the levels of the picture's colours, whatever their transparency. */
    public static int[] ignoringAlpha(BufferedImage image) {
        return levels(image, false);
    }

    private static int[] levels(BufferedImage image, boolean onWhite) {
        ColorModel colours = image.getColorModel();
        Raster raster = image.getRaster();
        if (isGrey(colours)) {
            return ownLevels(raster, colours, onWhite);
        }
        if (isByteColour(colours)) {
            return colourSamples(raster, onWhite);
        }
        return oneBytePerPixel(raster) ? throughPalette(raster, colours, onWhite) : rowByRow(image, onWhite);
    }

    private static boolean isGrey(ColorModel colours) {
        int transfer = colours.getTransferType();
        return colours instanceof ComponentColorModel
                && (transfer == DataBuffer.TYPE_BYTE || transfer == DataBuffer.TYPE_USHORT)
                && colours.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && colours.getNumComponents() == (colours.hasAlpha() ? 2 : 1);
    }

    /** Byte sRGB colours, alpha or not, straight: a JPEG, an RGB or RGBA PNG as Java decodes them. */
    private static boolean isByteColour(ColorModel colours) {
        return colours instanceof ComponentColorModel
                && colours.getTransferType() == DataBuffer.TYPE_BYTE
                && colours.getColorSpace().isCS_sRGB()
                && colours.getNumColorComponents() == 3
                && !colours.isAlphaPremultiplied();
    }

    private static boolean oneBytePerPixel(Raster raster) {
        return raster.getNumBands() == 1
                && raster.getNumDataElements() == 1
                && raster.getTransferType() == DataBuffer.TYPE_BYTE;
    }

    private static int[] ownLevels(Raster raster, ColorModel colours, boolean onWhite) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int[] levels = raster.getSamples(0, 0, width, height, 0, (int[]) null);
        int greyMaximum = (1 << colours.getComponentSize(0)) - 1;
        boolean premultiplied = colours.isAlphaPremultiplied();
        if (!colours.hasAlpha() || (!onWhite && !premultiplied)) {
            for (int i = 0; i < levels.length; i++) {
                levels[i] = to8Bits(levels[i], greyMaximum);
            }
            return levels;
        }
        int[] alphas = raster.getSamples(0, 0, width, height, 1, (int[]) null);
        int alphaMaximum = (1 << colours.getComponentSize(1)) - 1;
        for (int i = 0; i < levels.length; i++) {
            int grey = to8Bits(levels[i], greyMaximum);
            int alpha = to8Bits(alphas[i], alphaMaximum);
            if (premultiplied) {
                grey = alpha == 0 ? 0 : Math.min(WHITE, grey * WHITE / alpha);
            }
            levels[i] = onWhite ? overWhite(grey, alpha) : grey;
        }
        return levels;
    }

    private static int to8Bits(int sample, int maximum) {
        return maximum == WHITE ? sample : (sample * WHITE + maximum / 2) / maximum;
    }

    private static int[] throughPalette(Raster raster, ColorModel colours, boolean onWhite) {
        int[] levels = raster.getSamples(0, 0, raster.getWidth(), raster.getHeight(), 0, (int[]) null);
        int[] palette = new int[256];
        Arrays.fill(palette, UNKNOWN);
        byte[] pixel = new byte[1];
        for (int i = 0; i < levels.length; i++) {
            int value = levels[i];
            if (palette[value] == UNKNOWN) {
                pixel[0] = (byte) value;
                palette[value] = level(colours.getRGB(pixel), onWhite);
            }
            levels[i] = palette[value];
        }
        return levels;
    }

    private static int[] colourSamples(Raster raster, boolean onWhite) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int bands = raster.getNumBands();
        int[] levels = new int[width * height];
        int[] row = new int[width * bands];
        for (int y = 0; y < height; y++) {
            raster.getPixels(0, y, width, 1, row);
            for (int x = 0, sample = 0; x < width; x++, sample += bands) {
                int alpha = bands == 4 ? row[sample + 3] : WHITE;
                int argb = alpha << 24 | row[sample] << 16 | row[sample + 1] << 8 | row[sample + 2];
                levels[y * width + x] = level(argb, onWhite);
            }
        }
        return levels;
    }

    private static int[] rowByRow(BufferedImage image, boolean onWhite) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] levels = new int[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                levels[y * width + x] = level(row[x], onWhite);
            }
        }
        return levels;
    }

    private static int level(int argb, boolean onWhite) {
        int luminance = ImageFiles.luminance(argb);
        return onWhite ? overWhite(luminance, argb >>> 24) : luminance;
    }

    private static int overWhite(int grey, int alpha) {
        return (grey * alpha + WHITE * (WHITE - alpha)) / WHITE;
    }
}
