package dev.mnistlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.testing.IdxFiles;
import dev.mnistlab.testing.Mutations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Any bytes given to {@link IdxReader} give back exactly what the header declares, or our own
 * {@link InvalidInputException}: never another exception, an {@code OutOfMemoryError} or a hang.
 */
class IdxReaderFuzzTest {

    private static Path file;

    @BeforeContainer
    static void createFile() throws IOException {
        file = Files.createTempFile("idx-fuzz", ".idx");
    }

    @AfterContainer
    static void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    @Provide
    Arbitrary<byte[]> idxFiles() {
        byte[] images = IdxFiles.images(3, 7);
        byte[] labels = IdxFiles.labels(5);
        return Arbitraries.oneOf(Mutations.of(images), Mutations.of(IdxFiles.gzip(images)), Mutations.of(labels),
                Mutations.of(IdxFiles.gzip(labels)));
    }

    @Property
    void readsWhatTheHeaderDeclaresOrSaysWhyNot(@ForAll("idxFiles") byte[] bytes) throws IOException {
        Files.write(file, bytes);
        for (int dimensions : new int[] {1, 3}) {
            try {
                IdxArray array = IdxReader.read(file, dimensions);
                long declared = 1;
                for (int size : array.dimensions()) {
                    declared *= size;
                }
                assertEquals(declared, array.data().length);
            } catch (InvalidInputException expected) {
                if (!expected.getMessage().startsWith(file + ": ")) {
                    throw new AssertionError("the message must name the file: " + expected.getMessage());
                }
            }
        }
    }
}
