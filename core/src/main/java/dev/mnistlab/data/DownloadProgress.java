package dev.mnistlab.data;

/** Receives progress while {@link DatasetDownloader} fetches files. */
@FunctionalInterface
public interface DownloadProgress {

    /** Progress that goes nowhere. */
    DownloadProgress NONE = (address, bytesSoFar, totalBytes) -> {};

    /**
     * Called as bytes arrive and once when a file is complete.
     *
     * @param address the address being fetched
     * @param bytesSoFar bytes received so far
     * @param totalBytes the size the server announced, or -1 if it announced none
     */
    void onBytes(String address, long bytesSoFar, long totalBytes);
}
