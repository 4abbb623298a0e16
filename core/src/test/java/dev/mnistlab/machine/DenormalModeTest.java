package dev.mnistlab.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DenormalModeTest {

    /** A denormal made at run time, so that the compiler cannot fold the arithmetic below. */
    private static float denormal() {
        return Float.MIN_NORMAL / Float.parseFloat("4");
    }

    @Test
    void theThreadFlushesDenormalsOnlyWhileAsked() {
        assertTrue(DenormalMode.isSupported(), "the build machines are Linux on x86-64");
        float before = denormal();
        DenormalMode.set(true);
        float flushed;
        try {
            flushed = denormal();
        } finally {
            DenormalMode.set(false);
        }
        assertEquals(Float.MIN_NORMAL / 4, before);
        assertEquals(0f, flushed);
        assertEquals(Float.MIN_NORMAL / 4, denormal());
    }

    @Test
    void otherThreadsKeepGradualUnderflow() throws InterruptedException {
        float[] seen = new float[1];
        DenormalMode.set(true);
        try {
            Thread other = new Thread(() -> seen[0] = denormal());
            other.start();
            other.join();
        } finally {
            DenormalMode.set(false);
        }
        assertEquals(Float.MIN_NORMAL / 4, seen[0]);
    }
}
