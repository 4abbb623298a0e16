package dev.mnistlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class GreyLevelsTest {

    private static final int[] LEVELS = {0, 1, 50, 128, 200, 255};

    /** One row of pixels, the given levels, in a grey picture of the given bits per sample. */
    private static BufferedImage greyRow(int type, int maximum) {
        BufferedImage image = new BufferedImage(LEVELS.length, 1, type);
        for (int x = 0; x < LEVELS.length; x++) {
            image.getRaster().setSample(x, 0, 0, LEVELS[x] * maximum / 255);
        }
        return image;
    }

    @Test
    void aGreyPictureGivesItsOwnLevelsNotJavasBrightenedOnes() {
        assertArrayEquals(LEVELS, GreyLevels.onWhitePaper(greyRow(BufferedImage.TYPE_BYTE_GRAY, 255)));
        assertArrayEquals(LEVELS, GreyLevels.onWhitePaper(greyRow(BufferedImage.TYPE_USHORT_GRAY, 65535)));
        // What getRGB makes of the same 8-bit levels: the conversion this class leaves out.
        BufferedImage grey = greyRow(BufferedImage.TYPE_BYTE_GRAY, 255);
        int[] javas = new int[LEVELS.length];
        for (int x = 0; x < LEVELS.length; x++) {
            javas[x] = grey.getRGB(x, 0) & 0xff;
        }
        assertArrayEquals(new int[] {0, 13, 122, 188, 229, 255}, javas);
    }

    @Test
    void aGreyPngDecodesToItsOwnLevels() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(greyRow(BufferedImage.TYPE_BYTE_GRAY, 255), "png", png);
        assertArrayEquals(LEVELS, GreyLevels.onWhitePaper(ImageFiles.decode(png.toByteArray(), "row.png")));
    }

    @Test
    void aPalettePictureGivesItsColoursLevelsNotItsIndexes() {
        // A grey ramp stored backwards: index i is level 255 - i.
        byte[] ramp = new byte[256];
        for (int i = 0; i < 256; i++) {
            ramp[i] = (byte) (255 - i);
        }
        BufferedImage image = new BufferedImage(
                LEVELS.length, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 256, ramp, ramp, ramp));
        for (int x = 0; x < LEVELS.length; x++) {
            image.getRaster().setSample(x, 0, 0, 255 - LEVELS[x]);
        }
        assertArrayEquals(LEVELS, GreyLevels.onWhitePaper(image));
        assertArrayEquals(LEVELS, GreyLevels.ignoringAlpha(image));
        assertArrayEquals(
                LEVELS, toInts(ImageFolderSet.datasetPixels(scaledTo28(image), "palette.png"), LEVELS.length));
    }

    @Test
    void transparencyCountsAsWhitePaperOrIsIgnored() {
        ComponentColorModel greyAlpha = new ComponentColorModel(
                ColorSpace.getInstance(ColorSpace.CS_GRAY),
                true,
                false,
                Transparency.TRANSLUCENT,
                DataBuffer.TYPE_BYTE);
        WritableRaster raster = greyAlpha.createCompatibleWritableRaster(3, 1);
        int[][] greyAndAlpha = {{0, 255}, {0, 0}, {100, 51}};
        for (int x = 0; x < 3; x++) {
            raster.setSample(x, 0, 0, greyAndAlpha[x][0]);
            raster.setSample(x, 0, 1, greyAndAlpha[x][1]);
        }
        BufferedImage image = new BufferedImage(greyAlpha, raster, false, null);
        // Opaque black stays black; transparent is white; 100 at 20% is (100 * 51 + 255 * 204) / 255.
        assertArrayEquals(new int[] {0, 255, 224}, GreyLevels.onWhitePaper(image));
        assertArrayEquals(new int[] {0, 0, 100}, GreyLevels.ignoringAlpha(image));
    }

    @Test
    void colourPicturesGiveTheLuminanceOfTheirColours() {
        // Packed ints (read through getRGB) and bytes (read from the samples) alike.
        for (int kind : new int[] {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_4BYTE_ABGR}) {
            BufferedImage image = new BufferedImage(3, 1, kind);
            image.setRGB(0, 0, 0xFFFF0000);
            image.setRGB(1, 0, 0xFF00FF00);
            image.setRGB(2, 0, 0x000000FF);
            assertArrayEquals(new int[] {76, 149, 255}, GreyLevels.onWhitePaper(image), "kind " + kind);
            assertArrayEquals(new int[] {76, 149, 29}, GreyLevels.ignoringAlpha(image), "kind " + kind);
        }
    }

    @Test
    void aGreyPictureOfFloatsIsReadThroughItsColourModel() {
        ComponentColorModel floats = new ComponentColorModel(
                ColorSpace.getInstance(ColorSpace.CS_GRAY), false, false, Transparency.OPAQUE, DataBuffer.TYPE_FLOAT);
        WritableRaster raster = floats.createCompatibleWritableRaster(2, 1);
        raster.setSample(0, 0, 0, 0f);
        raster.setSample(1, 0, 0, 1f);
        assertArrayEquals(new int[] {0, 255}, GreyLevels.onWhitePaper(new BufferedImage(floats, raster, false, null)));
    }

    /** The picture's first row, repeated down a 28x28 picture of the same kind. */
    private static BufferedImage scaledTo28(BufferedImage row) {
        BufferedImage image = new BufferedImage(28, 28, row.getType(), (IndexColorModel) row.getColorModel());
        for (int y = 0; y < 28; y++) {
            for (int x = 0; x < 28; x++) {
                image.getRaster().setSample(x, y, 0, row.getRaster().getSample(x % row.getWidth(), 0, 0));
            }
        }
        return image;
    }

    private static int[] toInts(byte[] pixels, int count) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = pixels[i] & 0xff;
        }
        return values;
    }
}
