package dev.mnistlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a dataset came from, recorded with every run trained on it: a name, the format, the folder
 * and SHA-256 fingerprints of what was read, so two runs can tell whether they saw the same data.
 *
 * @param name the dataset's name ({@code mnist}, {@code fashion-mnist}), or an image-folder set's folder name
 * @param format {@value #IDX} or {@value #IMAGE_FOLDERS}
 * @param folder the folder the files were read from, absolute
 * @param sha256 for IDX files, each file's SHA-256 by file name; for image folders, the SHA-256 of the
 *     sorted list of image files ({@code train/cat/1.png} ..., one per line) under {@value #FILE_LIST}
 * @param skipped files of an image-folder set that were left out, each with the reason (a file no
 *     image reader can decode); empty for IDX files, which are read whole or not at all
 */
public record DataSource(String name, String format, Path folder, Map<String, String> sha256, List<String> skipped) {

    /** The format of the four IDX files. */
    public static final String IDX = "idx";

    /** The format of {@code train/<class>/} and {@code test/<class>/} folders of images. */
    public static final String IMAGE_FOLDERS = "image-folders";

    /** The key of an image-folder set's fingerprint. */
    public static final String FILE_LIST = "fileList";

    /** Copies the map, sorted by key, and the list. */
    public DataSource {
        sha256 = Collections.unmodifiableMap(new TreeMap<>(sha256));
        skipped = List.copyOf(skipped);
    }

    /**
     * Describes IDX files, fingerprinting each.
     *
     * @param name the dataset's name
     * @param folder their folder
     * @param files the files read
     */
    public static DataSource ofIdx(String name, Path folder, List<Path> files) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        for (Path file : files) {
            MessageDigest digest = newDigest();
            try (InputStream in = Files.newInputStream(file)) {
                byte[] chunk = new byte[1 << 16];
                for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
                    digest.update(chunk, 0, read);
                }
            }
            hashes.put(file.getFileName().toString(), HexFormat.of().formatHex(digest.digest()));
        }
        return new DataSource(name, IDX, folder.toAbsolutePath().normalize(), hashes, List.of());
    }

    /**
     * Describes an image-folder set by its folder's name and the list of its image files.
     *
     * @param folder the set's folder
     * @param relativeFiles every image read, relative to {@code folder}, with '/' between names
     * @param skipped the files left out, each as {@code "train/cat/x.png: reason"}
     */
    public static DataSource ofImageFolders(Path folder, List<String> relativeFiles, List<String> skipped) {
        Path absolute = folder.toAbsolutePath().normalize();
        String list = String.join("\n", relativeFiles.stream().sorted().toList());
        String hash = HexFormat.of().formatHex(newDigest().digest(list.getBytes(StandardCharsets.UTF_8)));
        Path name = absolute.getFileName();
        return new DataSource(
                name == null ? absolute.toString() : name.toString(),
                IMAGE_FOLDERS,
                absolute,
                Map.of(FILE_LIST, hash),
                skipped);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("this Java has no SHA-256", e));
        }
    }
}
