package dev.mnistlab.infer;

import ai.djl.modality.cv.Image;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.GreyLevels;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelGrabber;
import java.util.Arrays;

/**
 * Turns a picture of one digit, of any size and colour, into a 28x28 image prepared the way MNIST
 * itself was made.
 *
 * <ol>
 *   <li>Grey scale: a grey picture's own levels, else the luminance of each colour; transparent
 *       pixels count as paper.</li>
 *   <li>Ink bright on black: the border's median decides what is paper; light paper is inverted.</li>
 *   <li>Paper level to 0, brightest ink to 255, faint specks (under 20%) to 0.</li>
 *   <li>Crop to the ink's bounding box and scale it to fit 20x20, keeping the aspect ratio.</li>
 *   <li>Place it in 28x28 with its centre of mass on pixel (14, 14), as MNIST has it.</li>
 * </ol>
 */
public final class MnistPreprocessor {

    /** The side of the output image. */
    public static final int SIZE = 28;

    /** The side of the box the digit is scaled to fit. */
    public static final int BOX = 20;

    private static final int SPECK_LEVEL = 51;

    private static final IndexColorModel GREY_PALETTE = greyPalette();

    private MnistPreprocessor() {}

    private static IndexColorModel greyPalette() {
        byte[] levels = new byte[256];
        for (int level = 0; level < levels.length; level++) {
            levels[level] = (byte) level;
        }
        return new IndexColorModel(8, levels.length, levels, levels, levels);
    }

    /**
     * Prepares an image.
     *
     * @param image the decoded picture
     * @param name the file name, for messages
     * @return 784 values in [0, 1], row-major, ink bright
     * @throws InvalidInputException if the picture has no ink
     */
    public static float[] toMnist(BufferedImage image, String name) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] grey = greyInkBright(image);
        int[] box = inkBox(grey, width, height);
        if (box == null) {
            throw new InvalidInputException(name + ": no ink found (a blank page?); give a picture of one digit");
        }
        return centred(fitted(grey, width, box));
    }

    /**
     * Returns a DJL image as a picture to prepare: the image itself where DJL wraps a {@link
     * BufferedImage} (its default image factory does), else its pixels read through an engine.
     *
     * @param image the image, from any of DJL's image factories
     * @param manager lends the engine that reads other kinds of image; nothing is left in it
     */
    public static BufferedImage picture(Image image, NDManager manager) {
        if (image.getWrappedImage() instanceof BufferedImage picture) {
            return picture;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] rgb;
        try (NDManager scope = manager.newSubManager()) {
            rgb = image.toNDArray(scope, Image.Flag.COLOR)
                    .toType(DataType.UINT8, false)
                    .toByteArray();
        }
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < width * height; i++) {
            int pixel = (rgb[3 * i] & 0xff) << 16 | (rgb[3 * i + 1] & 0xff) << 8 | (rgb[3 * i + 2] & 0xff);
            picture.setRGB(i % width, i / width, pixel);
        }
        return picture;
    }

    /**
     * Returns a prepared image as a 28x28 grey-scale picture, ink bright on black, to look at.
     *
     * @param pixels 784 values in [0, 1], as {@link #toMnist} returns them
     */
    public static BufferedImage toImage(float[] pixels) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        for (int i = 0; i < pixels.length; i++) {
            image.getRaster().setSample(i % SIZE, i / SIZE, 0, Math.round(pixels[i] * 255));
        }
        return image;
    }

    private static int[] greyInkBright(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] grey = GreyLevels.onWhitePaper(image);
        int paper = borderMedian(grey, width, height);
        if (paper > 127) {
            for (int i = 0; i < grey.length; i++) {
                grey[i] = 255 - grey[i];
            }
            paper = 255 - paper;
        }
        int ink = Arrays.stream(grey).max().orElse(0);
        int range = Math.max(1, ink - paper);
        for (int i = 0; i < grey.length; i++) {
            int level = Math.max(0, (grey[i] - paper) * 255 / range);
            grey[i] = level < SPECK_LEVEL ? 0 : Math.min(255, level);
        }
        return grey;
    }

    private static int borderMedian(int[] grey, int width, int height) {
        int[] border = new int[2 * width + 2 * height];
        int n = 0;
        for (int x = 0; x < width; x++) {
            border[n++] = grey[x];
            border[n++] = grey[(height - 1) * width + x];
        }
        for (int y = 0; y < height; y++) {
            border[n++] = grey[y * width];
            border[n++] = grey[y * width + width - 1];
        }
        Arrays.sort(border, 0, n);
        return border[n / 2];
    }

    /** Returns {minX, minY, maxX, maxY} of the ink, or null if there is none. */
    private static int[] inkBox(int[] grey, int width, int height) {
        int minX = width;
        int minY = height;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (grey[y * width + x] > 0) {
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                    minY = Math.min(minY, y);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? null : new int[] {minX, minY, maxX, maxY};
    }

    private static Digit fitted(int[] grey, int width, int[] box) {
        int cropWidth = box[2] - box[0] + 1;
        int cropHeight = box[3] - box[1] + 1;
        // Levels through a palette of greys: Java's grey colour model would brighten them on their
        // way to the scaler.
        BufferedImage crop = new BufferedImage(cropWidth, cropHeight, BufferedImage.TYPE_BYTE_INDEXED, GREY_PALETTE);
        int[] row = new int[cropWidth];
        for (int y = 0; y < cropHeight; y++) {
            System.arraycopy(grey, (box[1] + y) * width + box[0], row, 0, cropWidth);
            crop.getRaster().setSamples(0, y, cropWidth, 1, 0, row);
        }
        double scale = (double) BOX / Math.max(cropWidth, cropHeight);
        int fittedWidth = Math.max(1, (int) Math.round(cropWidth * scale));
        int fittedHeight = Math.max(1, (int) Math.round(cropHeight * scale));
        java.awt.Image scaled = crop.getScaledInstance(fittedWidth, fittedHeight, java.awt.Image.SCALE_AREA_AVERAGING);
        int[] argb = new int[fittedWidth * fittedHeight];
        PixelGrabber grabber = new PixelGrabber(scaled, 0, 0, fittedWidth, fittedHeight, argb, 0, fittedWidth);
        try {
            grabber.grabPixels();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scaling a picture", e);
        }
        for (int i = 0; i < argb.length; i++) {
            // Grey in, grey out: the three channels are equal; blue is the level.
            argb[i] &= 0xff;
        }
        return new Digit(argb, fittedWidth);
    }

    /** The digit scaled to fit the box: its grey levels, row by row. */
    private static final class Digit {
        private final int[] levels;
        private final int width;
        private final int height;

        Digit(int[] levels, int width) {
            this.levels = levels;
            this.width = width;
            this.height = levels.length / width;
        }

        int level(int x, int y) {
            return levels[y * width + x];
        }
    }

    /**
     * Places the digit with its centre of mass on pixel (14, 14), counting pixels from 0, where
     * MNIST has it (over its 10,000 test digits: x 14.01, y 14.00 on average).
     */
    private static float[] centred(Digit digit) {
        double mass = 0;
        double sumX = 0;
        double sumY = 0;
        for (int y = 0; y < digit.height; y++) {
            for (int x = 0; x < digit.width; x++) {
                int level = digit.level(x, y);
                mass += level;
                sumX += level * x;
                sumY += level * y;
            }
        }
        int offsetX = (int) Math.round(SIZE / 2.0 - (mass == 0 ? (digit.width - 1) / 2.0 : sumX / mass));
        int offsetY = (int) Math.round(SIZE / 2.0 - (mass == 0 ? (digit.height - 1) / 2.0 : sumY / mass));
        float[] pixels = new float[SIZE * SIZE];
        for (int y = 0; y < digit.height; y++) {
            for (int x = 0; x < digit.width; x++) {
                int targetX = x + offsetX;
                int targetY = y + offsetY;
                if (targetX >= 0 && targetX < SIZE && targetY >= 0 && targetY < SIZE) {
                    pixels[targetY * SIZE + targetX] = digit.level(x, y) / 255f;
                }
            }
        }
        return pixels;
    }
}
