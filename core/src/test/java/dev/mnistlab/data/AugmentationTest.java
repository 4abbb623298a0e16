package dev.mnistlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.InvalidInputException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    private static final int SIDE = 28;

    /** A black image with one white pixel at column x, row y. */
    private static byte[] dot(int x, int y) {
        byte[] image = new byte[SIDE * SIDE];
        image[y * SIDE + x] = (byte) 255;
        return image;
    }

    private static float[] changed(byte[] image, Augmentation.Change change) {
        float[] out = new float[SIDE * SIDE];
        Augmentation.apply(image, 0, SIDE, SIDE, out, 0, change);
        return out;
    }

    private static float at(float[] image, int x, int y) {
        return image[y * SIDE + x];
    }

    @Test
    void noChangeScalesThePixelsAsTheyAre() {
        byte[] image = new byte[SIDE * SIDE];
        for (int i = 0; i < image.length; i++) {
            image[i] = (byte) (i * 7);
        }
        float[] out = changed(image, new Augmentation.Change(0, 1, 0, 0, false));
        for (int i = 0; i < image.length; i++) {
            assertEquals((image[i] & 0xff) / 255f, out[i], 1e-6f, "pixel " + i);
        }
    }

    @Test
    void wholeShiftsMoveEveryPixelExactlyAndHalfShiftsShareIt() {
        float[] moved = changed(dot(10, 12), new Augmentation.Change(0, 1, 2, -1, false));
        assertEquals(1f, at(moved, 12, 11), 1e-6f);
        assertEquals(1f, sum(moved), 1e-5f);
        float[] half = changed(dot(10, 12), new Augmentation.Change(0, 1, 0.5, 0, false));
        assertEquals(0.5f, at(half, 10, 12), 1e-6f);
        assertEquals(0.5f, at(half, 11, 12), 1e-6f);
    }

    @Test
    void aQuarterTurnSendsTheLeftToTheBottomAndAMirrorSwapsSides() {
        float[] turned = changed(dot(5, 10), new Augmentation.Change(90, 1, 0, 0, false));
        assertEquals(1f, at(turned, 10, 22), 1e-5f);
        float[] mirrored = changed(dot(5, 10), new Augmentation.Change(0, 1, 0, 0, true));
        assertEquals(1f, at(mirrored, 22, 10), 1e-6f);
    }

    @Test
    void growingMovesPixelsAwayFromTheCentre() {
        // Centre 13.5: a pixel 4.5 to the right moves to 9 to the right at twice the size.
        float[] grown = changed(dot(18, 13), new Augmentation.Change(0, 2, 0, 0, false));
        assertTrue(at(grown, 22, 13) > 0.2f, "grown: " + at(grown, 22, 13));
        assertEquals(0f, at(grown, 18, 13), 1e-6f);
    }

    @Test
    void drawsStayWithinTheirBoundsAndFollowTheSeed() {
        Augmentation digits = new Augmentation(2, 10, 0.1, false);
        SplittableRandom random = new SplittableRandom(1);
        boolean anyMirrored = false;
        for (int i = 0; i < 1000; i++) {
            Augmentation.Change change = digits.draw(random);
            assertTrue(Math.abs(change.degrees()) <= 10 && Math.abs(change.scale() - 1) <= 0.1, change.toString());
            assertTrue(Math.abs(change.shiftX()) <= 2 && Math.abs(change.shiftY()) <= 2, change.toString());
            anyMirrored |= change.mirrored();
        }
        assertTrue(!anyMirrored, "digits are never mirrored");
        assertEquals(digits.draw(new SplittableRandom(5)), digits.draw(new SplittableRandom(5)));
        assertNotEquals(digits.draw(new SplittableRandom(5)), digits.draw(new SplittableRandom(6)));
        Augmentation clothes = new Augmentation(0, 0, 0, true);
        int mirrored = 0;
        for (int i = 0; i < 1000; i++) {
            mirrored += clothes.draw(random).mirrored() ? 1 : 0;
        }
        assertTrue(mirrored > 400 && mirrored < 600, mirrored + " of 1000 mirrored");
    }

    @Test
    void boundsAreValidated() {
        assertEquals(
                "augmentShift must be between 0 and 8.0, got 9.0",
                assertThrows(InvalidInputException.class, () -> new Augmentation(9, 0, 0, false))
                        .getMessage());
        assertEquals(
                "augmentRotation must be between 0 and 45.0, got -1.0",
                assertThrows(InvalidInputException.class, () -> new Augmentation(0, -1, 0, false))
                        .getMessage());
        assertEquals(
                "augmentScale must be between 0 and 0.5, got NaN",
                assertThrows(InvalidInputException.class, () -> new Augmentation(0, 0, Double.NaN, false))
                        .getMessage());
        assertTrue(Augmentation.NONE.isNone());
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float value : values) {
            total += value;
        }
        return total;
    }
}
