package dev.mnistlab.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What survives when writing a folder fails: a full disk, a folder that cannot be written, a kill. */
class AtomicFolderFaultTest {

    /** A process id no process has (Linux's are below 2^22). */
    private static final long DEAD_PID = 999_999_999L;

    private FileSystem disk;
    private Path target;

    @BeforeEach
    void smallDisk() throws IOException {
        disk = Jimfs.newFileSystem(Configuration.unix().toBuilder()
                .setMaxSize(64 * 1024)
                .setBlockSize(1024)
                .build());
        target = disk.getPath("/runs/model");
        AtomicFolder.write(target, folder -> Files.write(folder.resolve("parameters"), new byte[20 * 1024]));
    }

    @AfterEach
    void close() throws IOException {
        disk.close();
    }

    @Test
    void fullDiskFailsAndLeavesThePreviousFolderWhole() throws IOException {
        IOException e = assertThrows(
                IOException.class,
                () -> AtomicFolder.write(
                        target, folder -> Files.write(folder.resolve("parameters"), new byte[60 * 1024])));
        System.out.println("a full disk while saving: " + e);
        assertEquals(20 * 1024, Files.size(target.resolve("parameters")), "the previous version is untouched");
        assertEquals(List.of("model"), siblings(), "no staging folder is left behind");
    }

    @Test
    void unwritableFolderFailsAndLeavesThePreviousFolderWhole() throws IOException {
        assertThrows(
                AccessDeniedException.class,
                () -> AtomicFolder.write(target, folder -> {
                    Files.write(folder.resolve("model.json"), new byte[100]);
                    throw new AccessDeniedException(folder.resolve("parameters").toString());
                }));
        assertEquals(20 * 1024, Files.size(target.resolve("parameters")));
        assertEquals(List.of("model"), siblings());
    }

    @Test
    void folderSetAsideByAKilledWriterIsPutBack() throws IOException {
        Files.move(target, target.resolveSibling(".model.old-" + DEAD_PID));
        Files.createDirectories(
                target.resolveSibling(".model.staging-" + DEAD_PID).resolve("half"));
        AtomicFolder.recover(target);
        assertTrue(Files.isRegularFile(target.resolve("parameters")), "the previous version is back");
        assertEquals(List.of("model"), siblings(), "the dead writer's staging folder is gone");
    }

    @Test
    void foldersOfALiveWriterAreLeftAlone() throws IOException {
        Path staging = target.resolveSibling(
                ".model.staging-" + ProcessHandle.current().pid());
        Files.createDirectories(staging);
        AtomicFolder.recover(target);
        assertTrue(Files.isDirectory(staging));
        assertFalse(Files.exists(
                target.resolveSibling(".model.old-" + ProcessHandle.current().pid())));
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> files = Files.list(target.getParent())) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
