package dev.mnistlab.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.InvalidInputException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
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

    private static double[] centreOfMass(float[] pixels) {
        double mass = 0;
        double x = 0;
        double y = 0;
        for (int i = 0; i < pixels.length; i++) {
            mass += pixels[i];
            int column = i % 28;
            int row = i / 28;
            x += pixels[i] * (column + 0.5);
            y += pixels[i] * (row + 0.5);
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
        assertEquals(14, centre[0], 0.75);
        assertEquals(14, centre[1], 0.75);
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
    void blankPageHasNoInk() {
        BufferedImage page = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> MnistPreprocessor.toMnist(page, "p.png"));
        assertEquals("p.png: no ink found (a blank page?); give a picture of one digit", e.getMessage());
    }
}
