package dev.mnistlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.testing.Fuzz;
import dev.mnistlab.testing.IdxFiles;
import dev.mnistlab.testing.Mutations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any bytes given to {@link IdxReader} give back exactly what the header declares, or our own
 * {@link InvalidInputException} naming the file: never another exception, an
 * {@code OutOfMemoryError} or a hang.
 */
class IdxReaderFuzzTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void readsWhatTheHeaderDeclaresOrSaysWhyNot() {
        byte[] images = IdxFiles.images(3, 7);
        byte[] labels = IdxFiles.labels(5);
        List<byte[]> valid = List.of(images, IdxFiles.gzip(images), labels, IdxFiles.gzip(labels));
        Path file = dir.resolve("fuzzed-idx");
        int cases = Fuzz.run(
                "IDX reader",
                random -> Mutations.of(valid.get(random.nextInt(valid.size())), random),
                bytes -> readOrRefuse(file, bytes));
        assertTrue(cases >= 1);
    }

    private static void readOrRefuse(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        for (int dimensions : new int[] {1, 3}) {
            try {
                IdxArray array = IdxReader.read(file, dimensions);
                long declared = 1;
                for (int size : array.dimensions()) {
                    declared *= size;
                }
                assertEquals(declared, array.data().length);
            } catch (InvalidInputException refused) {
                assertTrue(refused.getMessage().startsWith(file + ": "), refused.getMessage());
            }
        }
    }
}
