package dev.mnistlab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Replaces a folder as a whole: its new content is written into a hidden staging folder beside it,
 * which is then renamed into place. A reader (or a crash at any moment) sees the old complete
 * folder, the new complete folder, or briefly none, never a half-written one.
 */
public final class AtomicFolder {

    /** Writes a folder's content. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes every file into the given (empty) folder.
         *
         * @param folder the staging folder
         */
        void writeInto(Path folder) throws IOException;
    }

    private AtomicFolder() {}

    /**
     * Writes {@code target} anew.
     *
     * @param target the folder to create or replace
     * @param content writes the folder's files
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        String name = absolute.getFileName().toString();
        long pid = ProcessHandle.current().pid();
        Path staging = parent.resolve("." + name + ".staging-" + pid);
        deleteRecursively(staging);
        Files.createDirectory(staging);
        try {
            content.writeInto(staging);
            if (Files.exists(absolute)) {
                Path old = parent.resolve("." + name + ".old-" + pid);
                deleteRecursively(old);
                Files.move(absolute, old, StandardCopyOption.ATOMIC_MOVE);
                Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
                deleteRecursively(old);
            } else {
                Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
            }
        } finally {
            deleteRecursively(staging);
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
