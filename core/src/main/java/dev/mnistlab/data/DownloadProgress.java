package dev.mnistlab.data;

/** Receives progress while {@link DatasetDownloader} fetches files. */
@FunctionalInterface
public interface DownloadProgress {

    /** Progress that goes nowhere. */
    DownloadProgress NONE = (address, bytesSoFar, totalBytes) -> {};

    /**
     * Called when a file's transfer starts (with 0 bytes so far) and as its bytes arrive.
     *
     * @param address the address being fetched
     * @param bytesSoFar bytes received so far
     * @param totalBytes the size the server announced, or -1 if it announced none
     */
    void onBytes(String address, long bytesSoFar, long totalBytes);

    /**
     * Called once when a file has arrived whole, before its checksum is checked.
     *
     * @param address the address fetched
     * @param bytes the file's size
     */
    default void onFileDone(String address, long bytes) {}
}
