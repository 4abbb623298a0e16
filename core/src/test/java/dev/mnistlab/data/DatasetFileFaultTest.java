package dev.mnistlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.testing.IdxFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dataset files that change or vanish while mnistlab reads them. */
class DatasetFileFaultTest {

    private static final int IMAGES = 20_000;
    private static final int TRIALS = 30;

    @TempDir
    Path dir;

    @Test
    void fileCutShortWhileBeingReadIsReportedTruncatedNeverHalfRead() throws Exception {
        byte[] whole = IdxFiles.images(IMAGES, 3);
        Path file = dir.resolve("train-images-idx3-ubyte");
        Random random = new Random(11);
        int complete = 0;
        int truncated = 0;
        ExecutorService cutter = Executors.newSingleThreadExecutor();
        try {
            for (int trial = 0; trial < TRIALS; trial++) {
                Files.write(file, whole);
                long delayMicros = random.nextInt(10_000);
                Future<?> cut = cutter.submit(() -> {
                    TimeUnit.MICROSECONDS.sleep(delayMicros);
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        channel.truncate(whole.length / 3);
                    }
                    return null;
                });
                try {
                    IdxArray read = IdxReader.read(file, 3);
                    assertArrayEquals(Arrays.copyOfRange(whole, 16, whole.length), read.data());
                    complete++;
                } catch (InvalidInputException e) {
                    assertTrue(
                            e.getMessage()
                                    .startsWith(file + ": truncated: the header promises " + (whole.length - 16)
                                            + " bytes of data but the file holds "),
                            e.getMessage());
                    truncated++;
                }
                cut.get();
            }
        } finally {
            cutter.shutdownNow();
        }
        System.out.printf(
                Locale.ROOT,
                "a %,d-byte IDX file cut to a third while being read, %d times: %d read whole before the"
                        + " cut, %d reported truncated%n",
                whole.length,
                TRIALS,
                complete,
                truncated);
        assertEquals(TRIALS, complete + truncated);
        assertTrue(truncated > 0, "the cut never landed during a read; the test did not test");
    }

    @Test
    void fileDeletedBeforeItIsOpenedIsNamed() throws IOException {
        Path folder = IdxFiles.writeDataset(dir.resolve("set"), 10, 5);
        Path images = folder.resolve("train-images-idx3-ubyte.gz");
        Files.delete(images);
        assertEquals(
                images + ": no such file",
                assertThrows(InvalidInputException.class, () -> IdxReader.read(images, 3))
                        .getMessage());
    }
}
