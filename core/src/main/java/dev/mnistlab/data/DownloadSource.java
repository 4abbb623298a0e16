package dev.mnistlab.data;

import java.net.URI;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where a dataset's four compressed files can be downloaded from and the checksums they must have.
 *
 * @param mirrors base addresses tried in order; a file's address is the base plus its compressed name
 * @param md5 the expected MD5 of each compressed file, as lowercase hex
 */
public record DownloadSource(List<URI> mirrors, Map<DatasetFile, String> md5) {

    /** Copies the arguments so the record stays immutable. */
    public DownloadSource {
        mirrors = List.copyOf(mirrors);
        md5 = Map.copyOf(md5);
    }

    /** Returns the published mirrors and checksums of a named dataset. */
    public static DownloadSource of(NamedDataset dataset) {
        Map<DatasetFile, String> checksums = new EnumMap<>(DatasetFile.class);
        for (DatasetFile file : DatasetFile.values()) {
            checksums.put(file, dataset.md5(file));
        }
        return new DownloadSource(dataset.mirrors(), checksums);
    }
}
