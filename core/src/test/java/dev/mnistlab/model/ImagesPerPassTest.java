package dev.mnistlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImagesPerPassTest {

    @Test
    void eachArchitectureTakesTheMostImagesWhoseActivationsFit48MiB() {
        // 48 MiB over 4 bytes a value, rounded down to a power of two.
        assertEquals(256, MlpArchitecture.seed().imagesPerPass()); // 858 values an image: 14,665 fit
        assertEquals(128, new CnnArchitecture().imagesPerPass()); // 87,514: 143 fit
        assertEquals(64, new BatchNormCnnArchitecture().imagesPerPass()); // 161,754: 77 fit
        assertEquals(32, new MlpArchitecture(List.of(65_536, 8, 65_536)).imagesPerPass()); // 262,954: 47 fit
    }

    @Test
    void passesStayWithinSixteenAndTwoHundredFiftySixImages() {
        assertEquals(16, new MlpArchitecture(List.of(65_536, 8, 65_536, 8, 65_536, 8, 65_536)).imagesPerPass());
        assertEquals(256, new MlpArchitecture(List.of(1)).imagesPerPass());
    }

    @Test
    void anEnsembleRunsItsMembersOnPassesOfTheMembersSize() {
        assertEquals(64, new EnsembleArchitecture(new BatchNormCnnArchitecture(), 5).imagesPerPass());
    }
}
