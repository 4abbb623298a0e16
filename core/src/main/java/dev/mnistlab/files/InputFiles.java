package dev.mnistlab.files;

import dev.mnistlab.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Checks a path before it is read as a file: it must be a regular file, no larger than a limit. A
 * FIFO would block the reader until some other process writes to it, a device would feed it
 * endlessly, and a file far larger than its kind ever is would be read into memory for nothing; each
 * is refused by its kind before it is opened.
 *
 * <pre>{@code
 * byte[] json = InputFiles.readOwn(folder.resolve("model.json"), 1 << 20, "a model.json");
 * }</pre>
 */
public final class InputFiles {

    private InputFiles() {}

    /**
     * Checks a file the caller names: symbolic links are followed.
     *
     * @param file the path
     * @param maxBytes the largest size accepted
     * @param kind what the file is, with an article, for the message, e.g. {@code "an image"}
     * @return the file's size in bytes
     * @throws InvalidInputException naming the file if it is absent, not a regular file, or too large
     */
    public static long require(Path file, long maxBytes, String kind) throws IOException {
        return check(file, maxBytes, kind);
    }

    /**
     * Checks a file inside a folder mnistlab wrote (a model folder): it must be the folder's own, not
     * a symbolic link, so that such a folder, which may come from anyone, cannot make mnistlab read
     * files elsewhere on the machine.
     *
     * @param file the path
     * @param maxBytes the largest size accepted
     * @param kind what the file is, with an article, for the message
     * @return the file's size in bytes
     * @throws InvalidInputException naming the file if it is absent, a link, not a regular file, or
     *     too large
     */
    public static long requireOwn(Path file, long maxBytes, String kind) throws IOException {
        return check(file, maxBytes, kind, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Reads a whole file checked as by {@link #requireOwn}.
     *
     * @return the file's bytes
     * @throws InvalidInputException as {@link #requireOwn} does, or if the file grew past the limit
     *     while it was read
     */
    public static byte[] readOwn(Path file, long maxBytes, String kind) throws IOException {
        requireOwn(file, maxBytes, kind);
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(Math.toIntExact(Math.min(maxBytes + 1, Integer.MAX_VALUE - 8)));
            if (bytes.length > maxBytes) {
                throw tooLarge(file, bytes.length, maxBytes, kind);
            }
            return bytes;
        }
    }

    private static long check(Path file, long maxBytes, String kind, LinkOption... options) throws IOException {
        FileKind found = FileKind.of(file, options);
        switch (found) {
            case REGULAR_FILE -> {
                long size = Files.size(file);
                if (size > maxBytes) {
                    throw tooLarge(file, size, maxBytes, kind);
                }
                return size;
            }
            case ABSENT -> throw new InvalidInputException(file + ": no such file");
            case SYMBOLIC_LINK ->
                throw new InvalidInputException(file + " is a link to " + Files.readSymbolicLink(file)
                        + "; a saved folder's files must be in the folder itself (copy the file in)");
            default ->
                throw new InvalidInputException(file + " is " + found.words() + ", not a regular file; give " + kind);
        }
    }

    private static InvalidInputException tooLarge(Path file, long size, long maxBytes, String kind) {
        return new InvalidInputException(file + ": " + size + " bytes, more than " + kind + " may hold (" + maxBytes
                + "); is it the right file?");
    }
}
