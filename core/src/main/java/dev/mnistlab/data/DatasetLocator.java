package dev.mnistlab.data;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds the folder that holds a dataset's files, downloading them as a last resort.
 *
 * <p>The order is: the folder the user named ({@code --data-dir}), then
 * {@code $MNISTLAB_DATA_DIR/<name>}, then the per-user cache {@code ~/.mnistlab/datasets/<name>},
 * then folders system packages install into (Debian's {@code /usr/share/datasets/fashion-mnist}),
 * then a download from the dataset's mirrors into the cache. A folder the user named is used as it
 * is: if it lacks files, loading it says which. When nothing works, the error lists each place
 * tried and what was wrong there.
 */
public final class DatasetLocator {

    /** The environment variable naming a folder with one sub-folder per dataset. */
    public static final String DATA_DIR_VARIABLE = "MNISTLAB_DATA_DIR";

    private static final int MAX_REASON = 200;

    private final Map<String, String> environment;
    private final Path cacheRoot;
    private final DatasetDownloader downloader;
    private final Function<NamedDataset, DownloadSource> sources;

    /**
     * Creates a locator.
     *
     * @param environment the environment variables to read ({@code System.getenv()} in production)
     * @param cacheRoot the per-user cache, holding one folder per dataset
     * @param downloader fetches files when no folder holds them
     * @param sources where each dataset is downloaded from ({@link DownloadSource#of} in production)
     */
    public DatasetLocator(
            Map<String, String> environment,
            Path cacheRoot,
            DatasetDownloader downloader,
            Function<NamedDataset, DownloadSource> sources) {
        this.environment = environment;
        this.cacheRoot = cacheRoot;
        this.downloader = downloader;
        this.sources = sources;
    }

    /** Creates the locator a user expects: real environment, {@code ~/.mnistlab/datasets}, real network. */
    public static DatasetLocator standard(DownloadProgress progress) {
        Path cache = Path.of(System.getProperty("user.home"), ".mnistlab", "datasets");
        return new DatasetLocator(
                System.getenv(), cache, DatasetDownloader.withDefaultClient(progress), DownloadSource::of);
    }

    /**
     * Finds or fetches a dataset.
     *
     * @param dataset which dataset
     * @param explicitFolder the folder the user named, or null to search
     * @return a folder that holds all four files (or the explicit folder, unchecked)
     * @throws InvalidInputException listing every place tried, if the dataset is nowhere to be had
     */
    public Path locate(NamedDataset dataset, Path explicitFolder) {
        if (explicitFolder != null) {
            return explicitFolder;
        }
        List<String> tried = new ArrayList<>();
        String root = environment.get(DATA_DIR_VARIABLE);
        List<Path> candidates = new ArrayList<>();
        if (root == null || root.isBlank()) {
            tried.add("$" + DATA_DIR_VARIABLE + " (not set)");
        } else {
            candidates.add(Path.of(root, dataset.id()));
        }
        Path cache = cacheRoot.resolve(dataset.id());
        candidates.add(cache);
        candidates.addAll(dataset.systemFolders());
        for (Path candidate : candidates) {
            if (DatasetFile.allPresentIn(candidate)) {
                return candidate;
            }
            tried.add(candidate + (Files.isDirectory(candidate) ? " (incomplete)" : " (no such folder)"));
        }
        try {
            downloader.download(sources.apply(dataset), cache);
            return cache;
        } catch (IOException e) {
            tried.add("download into " + cache + " (" + shortened(e.getMessage()) + ")");
        }
        throw new InvalidInputException(
                InputField.DATA_FOLDER,
                "dataFolder not given and dataset '"
                        + dataset.id() + "' not found elsewhere; tried: " + String.join("; ", tried)
                        + ". Give a data folder holding the four IDX files ("
                        + DatasetFile.TRAIN_IMAGES.compressedName()
                        + ", ...), or set " + DATA_DIR_VARIABLE
                        + " to a folder holding " + dataset.id() + "/, or connect to the internet");
    }

    /** Keeps a download failure's reason to its first line and a readable length. */
    private static String shortened(String reason) {
        String line = String.valueOf(reason).lines().findFirst().orElse("");
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON - 3) + "...";
    }
}
