package dev.mnistlab.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.ImageFiles;
import dev.mnistlab.data.ImageSet;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.testing.RealData;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class MnistPreprocessorTest {

    /** A "7" drawn with a thick pen, off-centre on a large page. */
    private static BufferedImage seven(Color ink, Color paper, int offsetX, int offsetY) {
        BufferedImage page = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(paper);
        g.fillRect(0, 0, 640, 480);
        g.setColor(ink);
        g.setStroke(new BasicStroke(18, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(offsetX, offsetY, offsetX + 120, offsetY);
        g.drawLine(offsetX + 120, offsetY, offsetX + 50, offsetY + 200);
        g.dispose();
        return page;
    }

    /** The centre of mass in pixel indexes, as MNIST centres its digits: (14, 14) there. */
    private static double[] centreOfMass(float[] pixels) {
        double mass = 0;
        double x = 0;
        double y = 0;
        for (int i = 0; i < pixels.length; i++) {
            mass += pixels[i];
            int column = i % 28;
            int row = i / 28;
            x += pixels[i] * column;
            y += pixels[i] * row;
        }
        return new double[] {x / mass, y / mass};
    }

    @Test
    void fitsTheInkInTwentyPixelsCentredByMass() {
        float[] pixels = MnistPreprocessor.toMnist(seven(Color.BLACK, Color.WHITE, 60, 40), "seven");
        assertEquals(28 * 28, pixels.length);
        int top = 28;
        int bottom = -1;
        for (int i = 0; i < pixels.length; i++) {
            if (pixels[i] > 0) {
                top = Math.min(top, i / 28);
                bottom = Math.max(bottom, i / 28);
            }
        }
        assertTrue(bottom - top + 1 >= 19 && bottom - top + 1 <= 20, "ink height " + (bottom - top + 1));
        double[] centre = centreOfMass(pixels);
        assertEquals(14, centre[0], 0.5);
        assertEquals(14, centre[1], 0.5);
        float max = 0;
        for (float p : pixels) {
            max = Math.max(max, p);
        }
        assertEquals(1f, max, 0.01f, "ink is bright");
        assertEquals(0f, pixels[0], "paper is black");
    }

    @Test
    void positionColourAndPolarityDoNotMatter() {
        float[] reference = MnistPreprocessor.toMnist(seven(Color.BLACK, Color.WHITE, 60, 40), "a");
        float[] moved = MnistPreprocessor.toMnist(seven(Color.BLACK, Color.WHITE, 400, 230), "b");
        float[] inverted = MnistPreprocessor.toMnist(seven(Color.WHITE, Color.BLACK, 60, 40), "c");
        float[] coloured =
                MnistPreprocessor.toMnist(seven(new Color(20, 30, 160), new Color(250, 240, 200), 60, 40), "d");
        assertArrayEquals(reference, moved, 1e-6f);
        assertArrayEquals(reference, inverted, 1e-6f);
        assertArrayEquals(reference, coloured, 0.02f);
    }

    @Test
    void mnistDigitsAsGreyPngsComeBackAsMnistHasThem() throws IOException {
        ImageSet test = DatasetLoader.load(RealData.mnist(), NamedDataset.MNIST).test();
        int count = 1000;
        double difference = 0;
        double[] centre = new double[2];
        for (int index = 0; index < count; index++) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(MnistPreprocessor.toImage(test.scaledImage(index)), "png", png);
            float[] prepared =
                    MnistPreprocessor.toMnist(ImageFiles.decode(png.toByteArray(), "digit.png"), "digit.png");
            float[] original = test.scaledImage(index);
            for (int p = 0; p < prepared.length; p++) {
                difference += Math.abs(prepared[p] - original[p]);
            }
            double[] mass = centreOfMass(prepared);
            centre[0] += mass[0] / count;
            centre[1] += mass[1] / count;
        }
        // Measured: 0.0078 over the 10,000 (faint specks removed and the ink stretched to 255 account
        // for it); 0.059 with the centre of mass half a pixel off, 0.070 with Java's brightened greys too.
        assertEquals(0, difference / count / 784, 0.012, "mean difference per pixel");
        assertEquals(14, centre[0], 0.1);
        assertEquals(14, centre[1], 0.1);
    }

    /**
     * A bar, black with a mid-grey half, on white paper in every kind of picture that holds those
     * greys exactly, through a PNG file: each prepares to the same digit. (Java's getRGB brightens
     * the mid-grey of grey pictures only; before that was left out, they came out different.)
     */
    @Test
    void everyKindOfPictureOfTheSameGreysPreparesAlike() throws IOException {
        float[] reference = MnistPreprocessor.toMnist(bar(BufferedImage.TYPE_INT_RGB), "rgb");
        int[] kinds = {
            BufferedImage.TYPE_BYTE_GRAY,
            BufferedImage.TYPE_USHORT_GRAY,
            BufferedImage.TYPE_3BYTE_BGR,
            BufferedImage.TYPE_INT_ARGB,
            BufferedImage.TYPE_4BYTE_ABGR
        };
        for (int kind : kinds) {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(bar(kind), "png", png);
            String name = "kind-" + kind + ".png";
            assertArrayEquals(
                    reference, MnistPreprocessor.toMnist(ImageFiles.decode(png.toByteArray(), name), name), 0f, name);
        }
    }

    private static BufferedImage bar(int kind) {
        BufferedImage page = new BufferedImage(40, 40, kind);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                boolean ink = x >= 10 && x < 20 && y >= 5 && y < 35;
                int level = !ink ? 255 : y < 20 ? 0 : 128;
                int maximum = kind == BufferedImage.TYPE_USHORT_GRAY ? 65535 : 255;
                if (kind == BufferedImage.TYPE_BYTE_GRAY || kind == BufferedImage.TYPE_USHORT_GRAY) {
                    page.getRaster().setSample(x, y, 0, level * maximum / 255);
                } else {
                    page.setRGB(x, y, 0xff000000 | level * 0x010101);
                }
            }
        }
        return page;
    }

    @Test
    void blankPageHasNoInk() {
        BufferedImage page = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> MnistPreprocessor.toMnist(page, "p.png"));
        assertEquals("p.png: no ink found (a blank page?); give a picture of one digit", e.getMessage());
    }
}
