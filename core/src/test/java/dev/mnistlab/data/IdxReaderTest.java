package dev.mnistlab.data;

import static dev.mnistlab.testing.IdxFiles.gzip;
import static dev.mnistlab.testing.IdxFiles.idx;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mnistlab.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {

    @TempDir
    Path dir;

    private static final byte[] PIXELS = {0, 1, 2, 3, 4, 5, (byte) 255, (byte) 128};

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void readsRawFileExactly() throws IOException {
        Path file = write("images", idx(new int[] {2, 2, 2}, PIXELS));
        IdxArray array = IdxReader.read(file, 3);
        assertArrayEquals(new int[] {2, 2, 2}, array.dimensions());
        assertArrayEquals(PIXELS, array.data());
        assertEquals(2, array.count());
    }

    @Test
    void readsGzipFileByContentNotName() throws IOException {
        Path file = write("images-without-gz-suffix", gzip(idx(new int[] {2, 2, 2}, PIXELS)));
        assertArrayEquals(PIXELS, IdxReader.read(file, 3).data());
    }

    @Test
    void rejectsWrongMagicNumber() throws IOException {
        Path file = write("labels", idx(0x00000803, new int[] {8, 1, 1}, PIXELS));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> IdxReader.read(file, 1));
        assertEquals(
                file + ": has magic number 0x00000803, expected 0x00000801 (IDX, unsigned bytes,"
                        + " 1 dimension); is it the right file?",
                e.getMessage());
    }

    @Test
    void rejectsFloatTypedIdx() throws IOException {
        Path file = write("floats", idx(0x00000d03, new int[] {2, 2, 2}, PIXELS));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> IdxReader.read(file, 3));
        assertEquals(
                file + ": has magic number 0x00000d03, expected 0x00000803 (IDX, unsigned bytes,"
                        + " 3 dimensions); is it the right file?",
                e.getMessage());
    }

    @Test
    void rejectsTruncatedData() throws IOException {
        byte[] whole = idx(new int[] {2, 2, 2}, PIXELS);
        Path file = write("short", Arrays.copyOf(whole, whole.length - 3));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> IdxReader.read(file, 3));
        assertEquals(file + ": truncated: the header promises 8 bytes of data but the file holds 5", e.getMessage());
    }

    @Test
    void rejectsTruncatedHeader() throws IOException {
        Path file = write("header", Arrays.copyOf(idx(new int[] {2, 2, 2}, PIXELS), 9));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> IdxReader.read(file, 3));
        assertEquals(file + ": truncated or corrupt (the file ends early)", e.getMessage());
    }

    @Test
    void rejectsTruncatedGzipStream() throws IOException {
        byte[] compressed = gzip(idx(new int[] {2, 2, 2}, PIXELS));
        Path file = write("cut.gz", Arrays.copyOf(compressed, compressed.length - 10));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> IdxReader.read(file, 3));
        assertEquals(file + ": truncated or corrupt (Unexpected end of ZLIB input stream)", e.getMessage());
    }

    @Test
    void rejectsTrailingBytes() throws IOException {
        byte[] whole = idx(new int[] {2, 2, 2}, PIXELS);
        Path file = write("long", Arrays.copyOf(whole, whole.length + 1));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> IdxReader.read(file, 3));
        assertEquals(file + ": has bytes after the 8 bytes its header promises; the file is corrupt", e.getMessage());
    }

    @Test
    void rejectsNonPositiveDimension() throws IOException {
        Path file = write("zero", idx(new int[] {0, 28, 28}, new byte[0]));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> IdxReader.read(file, 3));
        assertEquals(file + ": declares size 0 for dimension 0; sizes must be positive", e.getMessage());
    }

    @Test
    void rejectsTinyFile() throws IOException {
        Path file = write("tiny", new byte[] {0, 0});
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> IdxReader.read(file, 1));
        assertEquals(file + ": is too short to be an IDX file (2 bytes)", e.getMessage());
    }

    @Test
    void rejectsHugeDeclaredSizeWithoutAllocating() throws IOException {
        Path file = write("huge", idx(new int[] {100_000, 28_000, 28}, new byte[0]));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> IdxReader.read(file, 3));
        assertEquals(file + ": declares more than 2 GiB of data; this reader keeps a file in memory", e.getMessage());
    }

    @Test
    void rejectsMissingFile() {
        Path file = dir.resolve("absent");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> IdxReader.read(file, 1));
        assertEquals(file + ": no such file", e.getMessage());
    }
}
