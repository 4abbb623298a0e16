package dev.mnistlab.spark;

import dev.mnistlab.data.ImageFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Iterator;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Reads the picture files Spark listed, in the task that classifies them: local files straight
 * from the disk, others through Hadoop with a buffer the size of the file. (Spark's {@code
 * binaryFile} source opens every file through Hadoop's checked local file system, which allocates a
 * 64 KB buffer and looks for a checksum file per picture: a third of the time a task spent on
 * 28x28 PNGs.) No more than {@link ImageFiles#MAX_FILE_BYTES} and one byte of a file is read; the
 * picture's decoding refuses a file that large.
 */
final class ReadPictureFiles implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private static final int LARGEST_BUFFER = 1 << 16;

    /**
     * How Spark writes the path of a file on the local file system: {@code file:/tmp/a b.png}, the
     * path as it is after the scheme (not escaped as a URI would be), so it is read without parsing
     * it as a Hadoop {@code Path} (which took a sixth of the reading).
     */
    private static final String LOCAL = "file:/";

    private final HadoopSettings hadoop;

    ReadPictureFiles(HadoopSettings hadoop) {
        this.hadoop = hadoop;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> files) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return files.hasNext();
            }

            @Override
            public Row next() {
                Row file = files.next();
                String path = file.getString(0);
                try {
                    return RowFactory.create(path, read(path, file.getLong(1)), null, null);
                } catch (IOException e) {
                    throw new UncheckedIOException("could not read " + path + ": " + e.getMessage(), e);
                }
            }
        };
    }

    private byte[] read(String path, long length) throws IOException {
        int wanted = (int) Math.min(length, ImageFiles.MAX_FILE_BYTES + 1);
        if (path.startsWith(LOCAL) && !path.startsWith(LOCAL + "/")) {
            try (InputStream in = Files.newInputStream(java.nio.file.Path.of(path.substring(LOCAL.length() - 1)))) {
                return in.readNBytes(wanted);
            }
        }
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(path);
        FileSystem fileSystem = file.getFileSystem(hadoop.get());
        try (InputStream in = fileSystem.open(file, Math.max(1, Math.min(wanted, LARGEST_BUFFER)))) {
            return in.readNBytes(wanted);
        }
    }
}
