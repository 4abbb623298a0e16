package dev.mnistlab.data.internal;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Native memory, reused, for handing float inputs to an engine.
 *
 * <p>Given Java data, DJL's PyTorch engine copies it into a fresh direct buffer that the tensor
 * keeps using, and that only the garbage collector frees. With a large heap the collector runs
 * rarely, so such buffers pile up, and once they reach the direct-memory limit every allocation
 * waits for a full collection: batch-256 inference ran at 62,000 images/s with a 6 GB heap and
 * 198,000 with 512 MB. Arrays made here use this buffer's memory instead, which is written again
 * for the next array; MXNet copies the data and keeps nothing.
 *
 * <p>So an array made by {@code toArray} must be closed before the buffer is written again, and one
 * instance serves one thread.
 */
public final class InputBuffer {

    private ByteBuffer buffer = ByteBuffer.allocateDirect(0);

    /**
     * Copies values into the buffer and makes a float32 array of them.
     *
     * @param manager owns the array
     * @param values the values, {@code shape.size()} of them from index 0
     * @param shape the array's shape
     * @return the array; close it before calling this method again
     */
    public NDArray toArray(NDManager manager, float[] values, Shape shape) {
        int count = Math.toIntExact(shape.size());
        floats(count).put(values, 0, count);
        return toArray(manager, shape);
    }

    /**
     * Returns room for {@code count} floats in the buffer, to be written from position 0 and then
     * made into an array by {@link #toArray(NDManager, Shape)}. Writing there directly saves the copy
     * through a Java array.
     *
     * @param count how many floats will be written
     * @return a view of the buffer, position 0, limit {@code count}
     */
    public FloatBuffer floats(int count) {
        int bytes = Math.multiplyExact(count, Float.BYTES);
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
        }
        buffer.clear();
        return buffer.asFloatBuffer().limit(count);
    }

    /**
     * Makes a float32 array of the first {@code shape.size()} floats written through {@link #floats}.
     *
     * @param manager owns the array
     * @param shape the array's shape
     * @return the array; close it before the buffer is written again
     */
    public NDArray toArray(NDManager manager, Shape shape) {
        buffer.position(0).limit(Math.toIntExact(shape.size()) * Float.BYTES);
        return manager.create(buffer, shape, DataType.FLOAT32);
    }
}
