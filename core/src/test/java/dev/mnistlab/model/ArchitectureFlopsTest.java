package dev.mnistlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitectureFlopsTest {

    @Test
    void seedMlpCountsTwoFlopsPerWeight() {
        assertEquals(2 * (784 * 32 + 32 * 10), MlpArchitecture.seed().forwardFlops());
        assertEquals(2 * (784 * 128 + 128 * 64 + 64 * 10), new MlpArchitecture(List.of(128, 64)).forwardFlops());
    }

    @Test
    void cnnCountsEveryOutputPixelOfBothConvolutions() {
        long firstConvolution = 28 * 28 * 32 * (5 * 5 * 1) * 2L;
        long secondConvolution = 14 * 14 * 64 * (5 * 5 * 32) * 2L;
        long dense = (3136 * 1024 + 1024 * 10) * 2L;
        assertEquals(firstConvolution + secondConvolution + dense, new CnnArchitecture().forwardFlops());
        assertEquals(27_767_808L, new CnnArchitecture().forwardFlops());
    }

    @Test
    void batchNormCnnCountsItsThreeConvolutionsAndDenseLayers() {
        long first = 28 * 28 * 32 * (3 * 3 * 1) * 2L;
        long second = 14 * 14 * 64 * (3 * 3 * 32) * 2L;
        long third = 14 * 14 * 64 * (3 * 3 * 64) * 2L;
        long dense = (3136 * 256 + 256 * 10) * 2L;
        assertEquals(first + second + third + dense, new BatchNormCnnArchitecture().forwardFlops());
    }
}
