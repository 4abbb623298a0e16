package dev.mnistlab.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files and dataset folders for tests, well-formed or broken on purpose. */
public final class IdxFiles {

    private IdxFiles() {}

    /** Returns the bytes of an unsigned-byte IDX file with the given dimensions and data. */
    public static byte[] idx(int[] dimensions, byte[] data) {
        return idx(0x0800 | dimensions.length, dimensions, data);
    }

    /** Returns the bytes of an IDX file with an arbitrary magic number. */
    public static byte[] idx(int magic, int[] dimensions, byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(magic);
            for (int size : dimensions) {
                out.writeInt(size);
            }
            out.write(data);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** Returns the gzip compression of some bytes. */
    public static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(raw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** Returns {@code count} random 28x28 images as IDX bytes. */
    public static byte[] images(int count, long seed) {
        byte[] pixels = new byte[count * 28 * 28];
        new Random(seed).nextBytes(pixels);
        return idx(new int[] {count, 28, 28}, pixels);
    }

    /** Returns {@code count} labels cycling through 0-9 as IDX bytes. */
    public static byte[] labels(int count) {
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i % 10);
        }
        return idx(new int[] {count}, labels);
    }

    /**
     * Writes a complete, valid, gzip-compressed dataset folder.
     *
     * @return the folder
     */
    public static Path writeDataset(Path folder, int trainCount, int testCount) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve("train-images-idx3-ubyte.gz"), gzip(images(trainCount, 1)));
        Files.write(folder.resolve("train-labels-idx1-ubyte.gz"), gzip(labels(trainCount)));
        Files.write(folder.resolve("t10k-images-idx3-ubyte.gz"), gzip(images(testCount, 2)));
        Files.write(folder.resolve("t10k-labels-idx1-ubyte.gz"), gzip(labels(testCount)));
        return folder;
    }
}
