package dev.mnistlab.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of folders for tests that damage one file of a model folder or dataset. */
public final class Folders {

    private Folders() {}

    /**
     * Copies a folder and everything in it.
     *
     * @param from the folder
     * @param to where the copy goes; it must not exist
     * @return {@code to}
     */
    public static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Files.copy(source, to.resolve(from.relativize(source).toString()));
            }
        }
        return to;
    }
}
