package dev.mnistlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mnistlab.InvalidInputException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidationSplitTest {

    /** 1,000 one-pixel images, each pixel its own index (mod 256) and each label its index mod 10. */
    private static ImageSet numbered() {
        byte[] pixels = new byte[1000 * 4];
        byte[] labels = new byte[1000];
        for (int i = 0; i < 1000; i++) {
            pixels[i * 4] = (byte) i;
            pixels[i * 4 + 1] = (byte) (i >> 8);
            labels[i] = (byte) (i % 10);
        }
        return new ImageSet(pixels, labels, 2, 2);
    }

    private static Set<Integer> indices(ImageSet set) {
        Set<Integer> indices = new HashSet<>();
        for (int i = 0; i < set.size(); i++) {
            int index = (set.pixels()[i * 4] & 0xff) | (set.pixels()[i * 4 + 1] & 0xff) << 8;
            assertEquals(index % 10, set.label(i), "labels travel with their images");
            indices.add(index);
        }
        return indices;
    }

    @Test
    void theSameSeedHoldsOutTheSameImagesAndEveryImageLandsOnOneSide() {
        ValidationSplit split = ValidationSplit.holdOut(numbered(), 0.1, 42);
        assertEquals(100, split.validation().size());
        assertEquals(900, split.train().size());
        Set<Integer> all = new HashSet<>(indices(split.train()));
        all.addAll(indices(split.validation()));
        assertEquals(1000, all.size());
        assertEquals(split, ValidationSplit.holdOut(numbered(), 0.1, 42));
        assertNotEquals(
                indices(split.validation()),
                indices(ValidationSplit.holdOut(numbered(), 0.1, 43).validation()));
    }

    @Test
    void aFractionThatEmptiesASideIsRefused() {
        ImageSet three = numbered().head(3);
        assertEquals(
                "validationFraction 0.1 of 3 training images leaves no image to validate on; give a fraction that"
                        + " keeps at least one image on each side",
                assertThrows(InvalidInputException.class, () -> ValidationSplit.holdOut(three, 0.1, 1))
                        .getMessage());
    }
}
