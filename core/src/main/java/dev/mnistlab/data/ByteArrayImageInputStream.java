package dev.mnistlab.data;

import java.util.Objects;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An image input stream over bytes already in memory: nothing is cached or copied, and no cleanup
 * is registered with the JDK. ({@code MemoryCacheImageInputStream} copies the bytes into a cache of
 * its own and registers each stream with a JVM-wide disposer under one lock, which two threads
 * decoding small pictures contend for; and a stream that keeps {@code ImageInputStreamImpl}'s
 * finalizer is tracked by the JVM until a collection after next.)
 */
final class ByteArrayImageInputStream extends ImageInputStreamImpl {

    private final byte[] bytes;

    ByteArrayImageInputStream(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public int read() {
        bitOffset = 0;
        return streamPos < bytes.length ? bytes[(int) streamPos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, into.length);
        bitOffset = 0;
        if (length == 0) {
            return 0;
        }
        if (streamPos >= bytes.length) {
            return -1;
        }
        int count = (int) Math.min(length, bytes.length - streamPos);
        System.arraycopy(bytes, (int) streamPos, into, offset, count);
        streamPos += count;
        return count;
    }

    @Override
    public long length() {
        return bytes.length;
    }

    /**
     * Holds nothing to release. Empty, so that the JVM does not track each stream for finalization,
     * as it would for {@code ImageInputStreamImpl}'s own finalizer (which only closes the stream).
     */
    @Override
    @SuppressWarnings({"deprecation", "removal", "Finalize"})
    protected void finalize() {}
}
