package dev.mnistlab.files;

import dev.mnistlab.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before any work starts, that an output can be written where it is asked for, without
 * creating anything: a run that fails later leaves no folders behind.
 *
 * <p>An output file may replace only a regular file; an output folder only a folder. A device
 * ({@code /dev/null}), FIFO or socket is never replaced: {@link AtomicFile} writes by renaming a new
 * file into place, which would swap the device node itself for a regular file.
 */
public final class OutputPaths {

    /** The longest file name Linux file systems take, in bytes. */
    private static final int MAX_NAME_BYTES = 255;

    /** What mnistlab's temporary names add to an output's name. */
    private static final int TEMPORARY_NAME_ROOM = 32;

    private OutputPaths() {}

    /**
     * Checks that a file can be written at {@code target}: it is absent and its nearest existing
     * ancestor is a folder that can be written, or it is a regular file (a link to one is replaced by
     * the new file).
     *
     * @param target where the file goes
     * @throws InvalidInputException naming the path if it is a folder or a special file, or lies
     *     under a file
     * @throws IOException if the folder it goes in cannot be written
     */
    public static void requireWritableFile(Path target) throws IOException {
        requireNamesFit(target);
        if (!requireCreatableParent(target)) {
            return;
        }
        FileKind kind = FileKind.of(target);
        switch (kind) {
            case ABSENT, REGULAR_FILE -> {}
            case FOLDER ->
                throw new InvalidInputException(
                        target + " is a folder; give a file name (e.g. " + target.resolve("out") + ")");
            default -> throw notReplaceable(target, kind);
        }
    }

    /**
     * Checks that files can be written into the folder {@code target}: it is a folder, or absent
     * and creatable.
     *
     * @throws InvalidInputException naming the path if it is a file or a special file, or lies under
     *     a file
     * @throws IOException if it cannot be written
     */
    public static void requireWritableFolder(Path target) throws IOException {
        requireNamesFit(target);
        FileKind kind = FileKind.of(target);
        switch (kind) {
            case ABSENT -> requireCreatable(target);
            case FOLDER -> requireFolderWritable(target);
            case REGULAR_FILE ->
                throw new InvalidInputException(target + " is a file; give a folder (it is created if needed)");
            default -> throw notReplaceable(target, kind);
        }
    }

    /**
     * Checks that {@code target} (a file or folder that does not exist yet) can be created: the
     * nearest existing ancestor is a folder, and a probe can be made and removed in it. Folders
     * missing in between are created only when the output is written.
     *
     * @throws InvalidInputException if an ancestor is a file or a special file
     * @throws IOException if the ancestor folder cannot be written (read-only, no permission)
     */
    public static void requireCreatable(Path target) throws IOException {
        requireNamesFit(target);
        requireCreatableParent(target);
    }

    /**
     * Refuses names the file system would refuse only when the output is written, after the work:
     * a name over {@value #MAX_NAME_BYTES} bytes, or an output's own name too long for the
     * temporary names written beside it first ({@code .NAME.staging-PID}).
     */
    private static void requireNamesFit(Path target) {
        Path absolute = target.toAbsolutePath().normalize();
        for (Path name : absolute) {
            int bytes = name.toString().getBytes(StandardCharsets.UTF_8).length;
            int limit = name.equals(absolute.getFileName()) ? MAX_NAME_BYTES - TEMPORARY_NAME_ROOM : MAX_NAME_BYTES;
            if (bytes > limit) {
                throw new InvalidInputException(
                        target + ": the name '" + name + "' has " + bytes + " bytes; give one of at most " + limit);
            }
        }
    }

    /** Checks the nearest existing ancestor; returns whether it is the target's own parent. */
    private static boolean requireCreatableParent(Path target) throws IOException {
        Path parent = target.toAbsolutePath().normalize().getParent();
        Path ancestor = parent;
        while (ancestor != null && FileKind.of(ancestor) == FileKind.ABSENT) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null) {
            throw new InvalidInputException(target + ": no folder above it exists");
        }
        FileKind kind = FileKind.of(ancestor);
        if (kind != FileKind.FOLDER) {
            throw new InvalidInputException(
                    target + " cannot be created: " + ancestor + " is " + kind.words() + ", not a folder");
        }
        requireFolderWritable(ancestor);
        return ancestor.equals(parent);
    }

    /** The refusal to write over a special file, shared by the checks and the writers. */
    static InvalidInputException notReplaceable(Path target, FileKind kind) {
        return new InvalidInputException(target + " is " + kind.words()
                + "; mnistlab writes only over regular files and its own folders, give another path");
    }

    private static void requireFolderWritable(Path folder) throws IOException {
        Path probe = folder.resolve(".mnistlab-probe-" + ProcessHandle.current().pid());
        Files.deleteIfExists(probe);
        Files.createDirectory(probe);
        Files.delete(probe);
    }
}
