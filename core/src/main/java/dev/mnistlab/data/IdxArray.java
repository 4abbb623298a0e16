package dev.mnistlab.data;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The content of one IDX file of unsigned bytes: its dimensions and its data in row-major order.
 *
 * @param source the file it was read from, for messages
 * @param dimensions the sizes of each dimension, outermost first (the item count for MNIST files)
 * @param data the values, {@code product(dimensions)} bytes, to be read as unsigned
 */
// The bytes are shared, not copied: a set is tens of megabytes.
@SuppressWarnings("ArrayRecordComponent")
public record IdxArray(Path source, int[] dimensions, byte[] data) {

    /** Returns the size of the first dimension: the number of items the file holds. */
    public int count() {
        return dimensions[0];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdxArray that
                && source.equals(that.source)
                && Arrays.equals(dimensions, that.dimensions)
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * source.hashCode() + Arrays.hashCode(dimensions)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "IdxArray[" + source + ", dimensions=" + Arrays.toString(dimensions) + "]";
    }
}
