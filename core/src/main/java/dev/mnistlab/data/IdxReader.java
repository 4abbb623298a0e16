package dev.mnistlab.data;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.files.InputFiles;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files (the format of MNIST and Fashion-MNIST), raw or gzip-compressed.
 *
 * <p>An IDX file is a 4-byte magic number ({@code 0x00 0x00 type ndims}), {@code ndims} big-endian
 * 32-bit sizes and then the data. Only unsigned-byte data (type {@code 0x08}) is used by these
 * datasets. The reader checks everything it can: the magic number, the number of dimensions, that
 * every size is positive, and that the file holds exactly as many bytes as the header promises:
 * a raw file's length is checked before its data is allocated, and a compressed file's data is
 * held only as it arrives, so a header that lies costs nothing.
 * Each problem is an {@link InvalidInputException} that names the file.
 */
public final class IdxReader {

    /** The IDX type code of unsigned bytes. */
    public static final int UNSIGNED_BYTE = 0x08;

    private static final int GZIP_MAGIC = 0x1f8b;
    private static final int FIRST_CHUNK = 1 << 20;

    /** The header and the most data one array holds. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE;

    private IdxReader() {}

    /**
     * Reads an unsigned-byte IDX file.
     *
     * @param file the file, raw or gzip-compressed (detected from its first bytes, not its name)
     * @param expectedDimensions how many dimensions the file must have (1 for labels, 3 for images)
     * @return the file's dimensions and data
     * @throws InvalidInputException if the file is missing, not IDX, or truncated
     * @throws IOException if the file cannot be read for another reason
     */
    public static IdxArray read(Path file, int expectedDimensions) throws IOException {
        InputFiles.require(file, MAX_FILE_BYTES, "an IDX file");
        try (BufferedInputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            boolean gzip = startsWithGzipMagic(raw);
            try (DataInputStream in = new DataInputStream(
                    gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw)) {
                int[] dimensions = readHeader(file, in, expectedDimensions);
                int declared = Math.toIntExact(elementCount(file, dimensions));
                if (!gzip) {
                    requireLength(file, declared, Files.size(file) - 4 - 4L * expectedDimensions);
                }
                byte[] data = readData(in, declared);
                if (data.length < declared) {
                    throw truncated(file, declared, data.length);
                }
                if (in.read() != -1) {
                    throw trailing(file, declared);
                }
                return new IdxArray(file, dimensions, data);
            }
        } catch (EOFException | ZipException e) {
            String detail = e.getMessage() == null ? "the file ends early" : e.getMessage();
            throw invalid(file, "truncated or corrupt (" + detail + ")", e);
        }
    }

    /** Peeks at the first two bytes, leaving the stream where it was. */
    private static boolean startsWithGzipMagic(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first >= 0 && second >= 0 && ((first << 8) | second) == GZIP_MAGIC;
    }

    /** Checks a raw file's length against its header before anything is allocated. */
    private static void requireLength(Path file, int declared, long available) {
        if (available < declared) {
            throw truncated(file, declared, Math.max(0, available));
        }
        if (available > declared) {
            throw trailing(file, declared);
        }
    }

    /**
     * Reads up to {@code declared} bytes, growing the buffer as data arrives: a compressed file's
     * true length is known only by reading it, so a small file that declares a huge size costs
     * no more memory than it holds.
     */
    private static byte[] readData(InputStream in, int declared) throws IOException {
        byte[] data = new byte[Math.min(declared, FIRST_CHUNK)];
        int filled = 0;
        while (true) {
            int read = in.readNBytes(data, filled, data.length - filled);
            filled += read;
            if (filled < data.length || data.length == declared) {
                return filled == data.length ? data : Arrays.copyOf(data, filled);
            }
            data = Arrays.copyOf(data, (int) Math.min(declared, 2L * data.length));
        }
    }

    private static InvalidInputException truncated(Path file, long declared, long held) {
        return invalid(
                file, "truncated: the header promises " + declared + " bytes of data but the file holds " + held);
    }

    private static InvalidInputException trailing(Path file, long declared) {
        return invalid(file, "has bytes after the " + declared + " bytes its header promises; the file is corrupt");
    }

    private static int[] readHeader(Path file, DataInputStream in, int expectedDimensions) throws IOException {
        byte[] magic = in.readNBytes(4);
        if (magic.length < 4) {
            throw invalid(file, "is too short to be an IDX file (" + magic.length + " bytes)");
        }
        int expectedMagic = (UNSIGNED_BYTE << 8) | expectedDimensions;
        int actualMagic =
                ((magic[0] & 0xff) << 24) | ((magic[1] & 0xff) << 16) | ((magic[2] & 0xff) << 8) | (magic[3] & 0xff);
        if (actualMagic != expectedMagic) {
            throw invalid(
                    file,
                    String.format(
                            Locale.ROOT,
                            "has magic number 0x%08x, expected 0x%08x (IDX, unsigned bytes, %d dimension%s);"
                                    + " is it the right file?",
                            actualMagic,
                            expectedMagic,
                            expectedDimensions,
                            expectedDimensions == 1 ? "" : "s"));
        }
        int[] dimensions = new int[expectedDimensions];
        for (int i = 0; i < expectedDimensions; i++) {
            dimensions[i] = in.readInt();
            if (dimensions[i] <= 0) {
                throw invalid(
                        file, "declares size " + dimensions[i] + " for dimension " + i + "; sizes must be positive");
            }
        }
        return dimensions;
    }

    private static long elementCount(Path file, int[] dimensions) {
        long count = 1;
        for (int size : dimensions) {
            count *= size;
            if (count > Integer.MAX_VALUE - 8) {
                throw invalid(file, "declares more than 2 GiB of data; this reader keeps a file in memory");
            }
        }
        return count;
    }

    private static InvalidInputException invalid(Path file, String problem) {
        return new InvalidInputException(file + ": " + problem);
    }

    private static InvalidInputException invalid(Path file, String problem, Throwable cause) {
        return new InvalidInputException(file + ": " + problem, cause);
    }
}
