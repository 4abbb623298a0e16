package dev.mnistlab.spark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Lists the picture files of a folder on the driver's local file system as Spark's {@code
 * binaryFile} source with {@code recursiveFileLookup} lists them (the same paths, written the same
 * way, the same files left out), without Hadoop's per-file {@code Path} and status objects. Spark's
 * listing is serial work on the driver before any task starts: 5 s of a 17 s job of 50,000 small
 * pictures on a 2-core machine, against 0.3 s for this one.
 *
 * <p>Like Spark, it leaves out files and folders whose names start with a dot, or with an
 * underscore and hold no {@code =} (but for Parquet's metadata folders), or end with {@code
 * ._COPYING_}, and follows links to folders (a link back to a folder above is listed once).
 * Unlike Spark, it leaves out what is not a regular file (a pipe named {@code x.png} would block
 * a task that read it).
 */
final class LocalPictureFolder {

    private static final String GLOB_CHARACTERS = "*?[]{}\\";

    private final Path root;
    private final Pattern pictureName;

    private LocalPictureFolder(Path root, Pattern pictureName) {
        this.root = root;
        this.pictureName = pictureName;
    }

    /**
     * Returns the folder a location names, when it is a folder on the local file system without
     * glob characters; empty for anything else, which Spark's own listing handles (and reports).
     *
     * @param location the location the job was given
     * @param hadoop the session's Hadoop settings, which say what a path without a scheme means
     * @param pictureName matches the whole path of a picture file
     */
    static Optional<LocalPictureFolder> of(String location, Configuration hadoop, Pattern pictureName)
            throws IOException {
        if (location.isEmpty() || location.chars().anyMatch(c -> GLOB_CHARACTERS.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(location);
        FileSystem fileSystem = path.getFileSystem(hadoop);
        if (!(fileSystem instanceof LocalFileSystem || fileSystem instanceof RawLocalFileSystem)) {
            return Optional.empty();
        }
        URI uri = fileSystem.makeQualified(path).toUri();
        if (uri.getAuthority() != null) {
            return Optional.empty();
        }
        Path folder = Path.of(uri);
        return Files.isDirectory(folder) ? Optional.of(new LocalPictureFolder(folder, pictureName)) : Optional.empty();
    }

    /**
     * Lists the pictures, sorted by path.
     *
     * @return one row per picture: its path as Spark writes it ({@code file:/...}) and its length
     */
    List<Row> list() throws IOException {
        PictureCollector pictures = new PictureCollector();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, pictures);
        pictures.found.sort((a, b) -> a.getString(0).compareTo(b.getString(0)));
        return pictures.found;
    }

    /** Keeps the picture files of the walk, skipping the folders Spark skips. */
    private final class PictureCollector extends SimpleFileVisitor<Path> {
        private final List<Row> found = new ArrayList<>();

        @Override
        public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
            return folder.equals(root) || !hiddenFolder(folder.getFileName().toString())
                    ? FileVisitResult.CONTINUE
                    : FileVisitResult.SKIP_SUBTREE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            String path = "file:" + file;
            if (attributes.isRegularFile()
                    && !hiddenFile(file.getFileName().toString())
                    && pictureName.matcher(path).find()) {
                found.add(RowFactory.create(path, attributes.size()));
            }
            return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof FileSystemLoopException) {
                return FileVisitResult.CONTINUE;
            }
            throw e;
        }
    }

    /**
     * Whether Spark's file sources leave out a file of this name: a name starting with a dot, or
     * with an underscore and holding no {@code =}, or ending with {@code ._COPYING_} (Spark's
     * {@code HadoopFSUtils.shouldFilterOutPathName} and {@code PartitioningAwareFileIndex}'s data
     * file test together).
     */
    private static boolean hiddenFile(String name) {
        return name.startsWith(".") || name.endsWith("._COPYING_") || (name.startsWith("_") && !name.contains("="));
    }

    /** As {@link #hiddenFile}, but folders whose names start as Parquet's metadata files do are listed. */
    private static boolean hiddenFolder(String name) {
        return hiddenFile(name) && !name.startsWith("_metadata") && !name.startsWith("_common_metadata");
    }
}
