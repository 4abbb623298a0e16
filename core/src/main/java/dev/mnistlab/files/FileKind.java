package dev.mnistlab.files;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** What a path names on the file system, in words fit for a message. */
public enum FileKind {
    /** Nothing at that path. */
    ABSENT("nothing"),
    /** A regular file. */
    REGULAR_FILE("a file"),
    /** A folder. */
    FOLDER("a folder"),
    /** A symbolic link (only when links are not followed). */
    SYMBOLIC_LINK("a symbolic link"),
    /** A named pipe, which blocks a reader until something writes to it. */
    FIFO("a FIFO (named pipe)"),
    /** A character device such as {@code /dev/null}. */
    CHARACTER_DEVICE("a character device"),
    /** A block device such as a disk. */
    BLOCK_DEVICE("a block device"),
    /** A Unix domain socket. */
    SOCKET("a socket"),
    /** A special file the platform does not describe further. */
    SPECIAL_FILE("a special file");

    private static final int TYPE_MASK = 0170000;
    private static final int FIFO_TYPE = 0010000;
    private static final int CHARACTER_TYPE = 0020000;
    private static final int BLOCK_TYPE = 0060000;
    private static final int SOCKET_TYPE = 0140000;

    /** The reason Java gives when a path goes through a file as if it were a folder (ENOTDIR). */
    private static final String NOT_A_FOLDER = "Not a directory";

    private final String words;

    FileKind(String words) {
        this.words = words;
    }

    /** Returns the kind with an article, e.g. {@code a FIFO (named pipe)}. */
    public String words() {
        return words;
    }

    /**
     * Finds what {@code path} is.
     *
     * @param path the path
     * @param options {@link LinkOption#NOFOLLOW_LINKS} to describe a link itself
     * @throws IOException if the path's attributes cannot be read for another reason than absence
     */
    public static FileKind of(Path path, LinkOption... options) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class, options);
        } catch (NoSuchFileException e) {
            return ABSENT;
        } catch (FileSystemException e) {
            if (NOT_A_FOLDER.equals(e.getReason())) {
                return ABSENT; // a path under a file: nothing can be there
            }
            throw e;
        }
        if (attributes.isRegularFile()) {
            return REGULAR_FILE;
        }
        if (attributes.isDirectory()) {
            return FOLDER;
        }
        if (attributes.isSymbolicLink()) {
            return SYMBOLIC_LINK;
        }
        return specialKind(path, options);
    }

    private static FileKind specialKind(Path path, LinkOption... options) throws IOException {
        if (!path.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            return SPECIAL_FILE;
        }
        int type = ((Integer) Files.getAttribute(path, "unix:mode", options)) & TYPE_MASK;
        return switch (type) {
            case FIFO_TYPE -> FIFO;
            case CHARACTER_TYPE -> CHARACTER_DEVICE;
            case BLOCK_TYPE -> BLOCK_DEVICE;
            case SOCKET_TYPE -> SOCKET;
            default -> SPECIAL_FILE;
        };
    }
}
