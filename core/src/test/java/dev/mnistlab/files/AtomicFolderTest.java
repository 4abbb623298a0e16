package dev.mnistlab.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFolderTest {

    @TempDir
    Path dir;

    private List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void createsThenReplacesTheWholeFolder() throws IOException {
        Path target = dir.resolve("model");
        AtomicFolder.write(target, folder -> {
            Files.writeString(folder.resolve("a"), "1");
            Files.writeString(folder.resolve("b"), "1");
        });
        AtomicFolder.write(target, folder -> Files.writeString(folder.resolve("a"), "2"));
        assertEquals(List.of("a"), names(target), "files of the old folder are gone");
        assertEquals("2", Files.readString(target.resolve("a")));
        assertEquals(List.of("model"), names(dir), "no staging or old folder left beside it");
    }

    @Test
    void failedWriteKeepsTheOldFolderWhole() throws IOException {
        Path target = dir.resolve("model");
        AtomicFolder.write(target, folder -> Files.writeString(folder.resolve("a"), "1"));
        IOException e = assertThrows(
                IOException.class,
                () -> AtomicFolder.write(target, folder -> {
                    Files.writeString(folder.resolve("a"), "half");
                    throw new IOException("disk full");
                }));
        assertEquals("disk full", e.getMessage());
        assertEquals("1", Files.readString(target.resolve("a")));
        assertEquals(List.of("model"), names(dir));
    }
}
