package dev.mnistlab.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes one file under a temporary name beside it and renames it into place when complete. */
public final class AtomicFile {

    /** Writes a file's bytes. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the whole file.
         *
         * @param out the temporary file's stream; closed by the caller
         */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {}

    /**
     * Writes {@code target}: readers see the old file or the new one, never part of it.
     *
     * @param target the file to create or replace; its folder is created if needed
     * @throws dev.mnistlab.InvalidInputException if {@code target} is a folder or a special file
     *     (check with {@link OutputPaths#requireWritableFile} before long work)
     * @param content writes the bytes
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        FileKind kind = FileKind.of(absolute);
        if (kind != FileKind.ABSENT && kind != FileKind.REGULAR_FILE) {
            throw OutputPaths.notReplaceable(target, kind);
        }
        Files.createDirectories(absolute.getParent());
        Path temporary = absolute.resolveSibling(
                "." + absolute.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
