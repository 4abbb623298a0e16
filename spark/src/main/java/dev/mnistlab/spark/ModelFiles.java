package dev.mnistlab.spark;

import dev.mnistlab.InvalidInputException;
import dev.mnistlab.model.ModelDescriptor;
import dev.mnistlab.model.ModelFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * The files of a model folder that loading needs ({@code model.json} and the parameters), read
 * once where the job starts, from any path Hadoop can read ({@code /local}, {@code file://},
 * {@code hdfs://}, {@code s3a://} with its connector), and shipped to the executors with the job, so
 * that no executor needs to see the driver's disk or the folder's file system.
 */
public final class ModelFiles implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The largest model folder shipped: far above the CNN's 13 MB, far below an executor's memory. */
    static final long MAX_BYTES = 1L << 30;

    private final String source;
    private final SortedMap<String, byte[]> files;
    private final String digest;

    private ModelFiles(String source, SortedMap<String, byte[]> files) {
        this.source = source;
        this.files = files;
        this.digest = digest(files);
    }

    /**
     * Reads a model folder.
     *
     * @param folder the folder's path or URI
     * @param hadoop the file systems' settings, e.g. {@code spark.sparkContext().hadoopConfiguration()}
     * @throws InvalidInputException if the folder is missing, is not a folder or holds no model
     *     ({@link #descriptor()} reads and checks the descriptor)
     */
    public static ModelFiles read(String folder, Configuration hadoop) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(folder);
        FileSystem fileSystem = path.getFileSystem(hadoop);
        if (!fileSystem.exists(path)) {
            throw new InvalidInputException(folder + ": no such model folder");
        }
        if (!fileSystem.getFileStatus(path).isDirectory()) {
            throw new InvalidInputException(folder + ": not a folder; give the folder 'mnistlab train --output' wrote");
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        long total = 0;
        for (FileStatus status : fileSystem.listStatus(path)) {
            String name = status.getPath().getName();
            if (!status.isFile() || !ModelFolder.isNeededToLoad(name)) {
                continue;
            }
            total += status.getLen();
            if (total > MAX_BYTES) {
                throw new InvalidInputException(folder + ": its parameters pass " + (MAX_BYTES >> 20)
                        + " MiB, more than a model of this project holds; is it a model folder?");
            }
            try (InputStream in = fileSystem.open(status.getPath())) {
                files.put(name, in.readAllBytes());
            }
        }
        if (!files.containsKey(ModelFolder.DESCRIPTOR_FILE)) {
            throw new InvalidInputException(folder + ": holds no " + ModelFolder.DESCRIPTOR_FILE
                    + "; give a folder written by 'mnistlab train --output'");
        }
        return new ModelFiles(folder, files);
    }

    /** Returns the folder as it was given. */
    public String source() {
        return source;
    }

    /** Returns a SHA-256 over the files' names and contents: equal files, equal digest. */
    public String digest() {
        return digest;
    }

    /** Returns the files' names and sizes in bytes. */
    public Map<String, Integer> sizes() {
        SortedMap<String, Integer> sizes = new TreeMap<>();
        files.forEach((name, bytes) -> sizes.put(name, bytes.length));
        return Collections.unmodifiableSortedMap(sizes);
    }

    /**
     * Reads the model's descriptor.
     *
     * @throws InvalidInputException naming the folder as it was given if the descriptor is malformed
     */
    public ModelDescriptor descriptor() throws IOException {
        return inLocalCopy(ModelFolder::readDescriptor);
    }

    /**
     * Writes the files into a temporary local folder, applies {@code use} to it and deletes the
     * folder. An error about the copy names the folder as it was given, not the copy.
     */
    <T> T inLocalCopy(FolderFunction<T> use) throws IOException {
        Path copy = Files.createTempDirectory("mnistlab-model-");
        try {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Files.write(copy.resolve(file.getKey()), file.getValue());
            }
            return use.apply(copy);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.getMessage().replace(copy.toString(), source), e);
        } finally {
            for (String name : files.keySet()) {
                Files.deleteIfExists(copy.resolve(name));
            }
            Files.delete(copy);
        }
    }

    /** What to do with a local copy of the folder. */
    @FunctionalInterface
    interface FolderFunction<T> {
        /** Uses the folder; it is deleted afterwards. */
        T apply(Path folder) throws IOException;
    }

    private static String digest(SortedMap<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(file.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ModelFiles[" + source + ", " + files.keySet() + "]";
    }
}
