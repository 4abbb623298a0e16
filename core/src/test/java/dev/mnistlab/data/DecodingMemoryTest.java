package dev.mnistlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InterruptedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DecodingMemoryTest {

    private static final long MIB = 1 << 20;

    /** Pixels whose decoding takes this many units. */
    private static long pixelsOf(int units) {
        return units * MIB / DecodingMemory.BYTES_PER_PIXEL;
    }

    @Test
    void aPictureReservesItsPixelsWorthAtLeastOneUnitAtMostTheBudget() {
        DecodingMemory memory = new DecodingMemory(512 * MIB);
        assertEquals(1, memory.units(28 * 28));
        assertEquals(382, memory.units(40_000_000));
        assertEquals(512, memory.units(100_000_000));
        assertEquals(1, memory.units(0));
    }

    @Test
    void smallPicturesDoNotWaitForEachOther() throws InterruptedIOException {
        DecodingMemory memory = new DecodingMemory(4 * MIB);
        DecodingMemory.Reservation[] held = new DecodingMemory.Reservation[4];
        for (int i = 0; i < held.length; i++) {
            held[i] = memory.reserve(28 * 28);
        }
        for (DecodingMemory.Reservation reservation : held) {
            reservation.close();
        }
    }

    @Test
    void aPictureWaitsUntilTheMemoryItNeedsIsGivenBack() throws Exception {
        DecodingMemory memory = new DecodingMemory(10 * MIB);
        DecodingMemory.Reservation large = memory.reserve(pixelsOf(10));
        Waiter small = Waiter.start(memory, 28 * 28);
        assertFalse(small.reserved.await(300, TimeUnit.MILLISECONDS), "reserved while the budget was taken");
        large.close();
        assertTrue(small.reserved.await(10, TimeUnit.SECONDS), "not reserved after the memory came back");
        small.finish();
    }

    @Test
    void aLargePictureIsNotOvertakenBySmallOnes() throws Exception {
        DecodingMemory memory = new DecodingMemory(10 * MIB);
        DecodingMemory.Reservation first = memory.reserve(pixelsOf(5));
        Waiter large = Waiter.start(memory, pixelsOf(10));
        assertTrue(large.waiting(), "the large picture did not start waiting");
        Waiter small = Waiter.start(memory, 28 * 28);
        assertFalse(small.reserved.await(300, TimeUnit.MILLISECONDS), "a small picture overtook the large one");
        first.close();
        assertTrue(large.reserved.await(10, TimeUnit.SECONDS));
        assertFalse(small.reserved.await(300, TimeUnit.MILLISECONDS), "reserved beside the whole budget");
        large.finish();
        assertTrue(small.reserved.await(10, TimeUnit.SECONDS));
        small.finish();
    }

    @Test
    void anInterruptedWaitIsAnInterruptedIoException() throws Exception {
        DecodingMemory memory = new DecodingMemory(MIB);
        DecodingMemory.Reservation all = memory.reserve(pixelsOf(1));
        Thread.currentThread().interrupt();
        InterruptedIOException e = assertThrows(InterruptedIOException.class, () -> memory.reserve(1));
        assertEquals("interrupted while waiting for memory to decode a picture", e.getMessage());
        assertTrue(Thread.interrupted(), "the interrupt was lost");
        all.close();
    }

    /** A thread that reserves memory for a picture, then holds it until told to finish. */
    private static final class Waiter {
        final CountDownLatch reserved = new CountDownLatch(1);
        private final CountDownLatch done = new CountDownLatch(1);
        private final Thread thread;

        private Waiter(DecodingMemory memory, long pixels) {
            thread = new Thread(() -> {
                try {
                    DecodingMemory.Reservation held = memory.reserve(pixels);
                    reserved.countDown();
                    done.await();
                    held.close();
                } catch (InterruptedIOException | InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        static Waiter start(DecodingMemory memory, long pixels) {
            Waiter waiter = new Waiter(memory, pixels);
            waiter.thread.start();
            return waiter;
        }

        /** Whether the thread is blocked in its wait, within ten seconds. */
        boolean waiting() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (thread.getState() != Thread.State.WAITING) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(5);
            }
            return true;
        }

        void finish() throws InterruptedException {
            done.countDown();
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }
}
