package dev.mnistlab.files;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Replaces a folder as a whole: its new content is written into a hidden staging folder beside it,
 * which is then renamed into place. A reader (or a crash at any moment) sees the old complete
 * folder, the new complete folder, or briefly none, never a half-written one. A process killed in
 * that brief moment leaves the old folder aside; {@link #recover} (run by every write, and by the
 * command line before it reads a model folder) puts it back.
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

    private static final String STAGING = "staging";
    private static final String OLD = "old";

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
        FileKind kind = FileKind.of(absolute);
        if (kind != FileKind.ABSENT && kind != FileKind.FOLDER) {
            throw OutputPaths.notReplaceable(target, kind);
        }
        Files.createDirectories(parent);
        recover(absolute);
        String name = absolute.getFileName().toString();
        long pid = ProcessHandle.current().pid();
        Path staging = parent.resolve("." + name + "." + STAGING + "-" + pid);
        deleteRecursively(staging);
        Files.createDirectory(staging);
        try {
            content.writeInto(staging);
            if (Files.exists(absolute)) {
                Path old = parent.resolve("." + name + "." + OLD + "-" + pid);
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

    /**
     * Checks that {@code folder} may be written whole, replacing what is there: it is absent (and can
     * be created), empty, or holds {@code marker}, left by an earlier write of the same kind. Nothing
     * else is ever replaced.
     *
     * @param folder the folder to be written
     * @param marker a file every such folder holds, e.g. {@code model.json}
     * @param kind what such a folder is, for the message, e.g. {@code "model"}
     * @param orElse the end of the message's advice, e.g. {@code ", or one a training run saved"}
     * @throws InvalidInputException about {@link InputField#OUTPUT_FOLDER} if the folder is a file or
     *     holds other files
     */
    public static void requireReplaceable(Path folder, String marker, String kind, String orElse) throws IOException {
        FileKind found = FileKind.of(folder);
        if (found == FileKind.ABSENT) {
            OutputPaths.requireCreatable(folder);
            return;
        }
        if (found != FileKind.FOLDER) {
            throw new InvalidInputException(
                    InputField.OUTPUT_FOLDER,
                    "outputFolder " + folder + " is " + found.words() + "; give a folder (it is created if needed)");
        }
        boolean empty;
        try (Stream<Path> entries = Files.list(folder)) {
            empty = entries.findAny().isEmpty();
        }
        if (!empty && !Files.exists(folder.resolve(marker))) {
            throw new InvalidInputException(
                    InputField.OUTPUT_FOLDER,
                    "outputFolder " + folder + " holds files but no " + kind + "; give a new or empty folder" + orElse);
        }
    }

    /**
     * Tidies up after a process that was killed while writing {@code target}: if it died between
     * the two renames, leaving {@code target} absent and the previous version aside, that version
     * is put back; staging folders it left are deleted. Folders of processes still running are
     * left alone.
     *
     * @param target the folder a killed process may have been writing
     */
    public static void recover(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return;
        }
        String name = absolute.getFileName().toString();
        List<Path> leftovers;
        try (Stream<Path> siblings = Files.list(parent)) {
            leftovers =
                    siblings.filter(path -> leftBy(path, name) != null).sorted().toList();
        }
        for (Path leftover : leftovers) {
            String kind = leftBy(leftover, name);
            if (ProcessHandle.of(pidOf(leftover)).map(ProcessHandle::isAlive).orElse(false)) {
                continue;
            }
            if (kind.equals(OLD) && !Files.exists(absolute)) {
                Files.move(leftover, absolute, StandardCopyOption.ATOMIC_MOVE);
            } else {
                deleteRecursively(leftover);
            }
        }
    }

    /** Returns {@code staging} or {@code old} if the path is such a folder of {@code name}, else null. */
    private static String leftBy(Path path, String name) {
        String file = path.getFileName().toString();
        for (String kind : List.of(STAGING, OLD)) {
            String prefix = "." + name + "." + kind + "-";
            if (file.startsWith(prefix) && file.substring(prefix.length()).matches("\\d{1,18}")) {
                return kind;
            }
        }
        return null;
    }

    private static long pidOf(Path leftover) {
        String file = leftover.getFileName().toString();
        return Long.parseLong(file.substring(file.lastIndexOf('-') + 1));
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
