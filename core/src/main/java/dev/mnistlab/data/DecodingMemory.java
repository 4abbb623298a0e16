package dev.mnistlab.data;

import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;

/**
 * The heap that pictures being decoded may hold at once, shared by every thread of the JVM.
 *
 * <p>A decoded picture and the arrays its preparation makes take about {@value #BYTES_PER_PIXEL}
 * bytes a pixel (measured with {@code -Xmx}: a 40-megapixel JPEG needs about 400 MB of heap while it
 * is decoded and prepared), so large pictures decoded at once on many cores would run out of a heap
 * that holds them one at a time. Each decode reserves its pixels' worth, counted from the picture's
 * header, before it starts and gives it back when done; together they hold at most half the
 * maximum heap. A picture larger than that waits until it has the whole budget to itself; a 28x28
 * digit reserves one unit of {@value #UNIT_BYTES} bytes, so small pictures never wait for each
 * other. Waiting is first come, first served, so a large picture is not starved by small ones.
 */
final class DecodingMemory {

    /** Heap taken per pixel by a picture being decoded and prepared, in bytes. */
    static final int BYTES_PER_PIXEL = 10;

    /** The unit reserved, in bytes (1 MiB). */
    static final int UNIT_BYTES = 1 << 20;

    /** The budget of this JVM: half its maximum heap. */
    static final DecodingMemory HEAP = new DecodingMemory(Runtime.getRuntime().maxMemory() / 2);

    private final int budgetUnits;
    private final Semaphore free;

    /** @param budgetBytes how much heap pictures being decoded may hold at once */
    DecodingMemory(long budgetBytes) {
        this.budgetUnits = (int) Math.max(1, Math.min(Integer.MAX_VALUE, budgetBytes / UNIT_BYTES));
        this.free = new Semaphore(budgetUnits, true);
    }

    /**
     * Waits until a picture of this many pixels may be decoded, and reserves its memory.
     *
     * @param pixels width times height, as the picture's header says
     * @return the reservation, to be closed when the picture and what was made of it are no longer
     *     needed
     * @throws InterruptedIOException if the thread is interrupted while it waits
     */
    Reservation reserve(long pixels) throws InterruptedIOException {
        int units = units(pixels);
        try {
            free.acquire(units);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for memory to decode a picture");
        }
        return () -> free.release(units);
    }

    /** How many units a picture of this many pixels reserves: at least one, at most the budget. */
    int units(long pixels) {
        long bytes = Math.max(0, pixels) * BYTES_PER_PIXEL;
        return (int) Math.min(budgetUnits, Math.max(1, (bytes + UNIT_BYTES - 1) / UNIT_BYTES));
    }

    /** Memory reserved for one picture; closing it gives it back. */
    interface Reservation extends AutoCloseable {

        @Override
        void close();
    }
}
