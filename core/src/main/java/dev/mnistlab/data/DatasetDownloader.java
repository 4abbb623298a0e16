package dev.mnistlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * Downloads a dataset's four compressed files over HTTP(S) into a folder, verifying each checksum.
 *
 * <p>Each file is written to a hidden {@code .part} file beside its final name and renamed into
 * place only once its MD5 matches, so an interrupted or corrupt download never leaves a file that
 * looks complete. Mirrors are tried in order for each file.
 */
public final class DatasetDownloader {

    private static final int BUFFER_BYTES = 1 << 16;
    private static final long PROGRESS_STEP_BYTES = 1 << 18;

    private final HttpClient client;
    private final DownloadProgress progress;

    /**
     * Creates a downloader.
     *
     * @param client the HTTP client to use
     * @param progress told about bytes as they arrive
     */
    public DatasetDownloader(HttpClient client, DownloadProgress progress) {
        this.client = client;
        this.progress = progress;
    }

    /** Creates a downloader with a client that follows redirects and gives up connecting after 10 s. */
    public static DatasetDownloader withDefaultClient(DownloadProgress progress) {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        return new DatasetDownloader(client, progress);
    }

    /**
     * Downloads every file the folder does not hold yet.
     *
     * @param source where to download from and the checksums to verify
     * @param folder the destination, created once a file arrives
     * @throws IOException naming each address tried and why it failed, if a file could not be had
     */
    public void download(DownloadSource source, Path folder) throws IOException {
        for (DatasetFile file : DatasetFile.values()) {
            if (file.findIn(folder).isEmpty()) {
                downloadFromAnyMirror(source, file, folder);
            }
        }
    }

    private void downloadFromAnyMirror(DownloadSource source, DatasetFile file, Path folder) throws IOException {
        List<String> failures = new ArrayList<>();
        for (URI mirror : source.mirrors()) {
            URI address = mirror.resolve(file.compressedName());
            try {
                fetchVerified(address, source.md5().get(file), folder.resolve(file.compressedName()));
                return;
            } catch (IOException e) {
                failures.add(address + " (" + describe(e) + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("download of " + address + " interrupted", e);
            }
        }
        throw new IOException("could not download " + file.compressedName() + ": " + String.join("; ", failures));
    }

    private void fetchVerified(URI address, String expectedMd5, Path destination)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(address)
                .timeout(Duration.ofMinutes(5))
                .GET()
                .build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        Path part = destination.resolveSibling("." + destination.getFileName() + ".part");
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            Files.createDirectories(destination.getParent());
            MessageDigest md5 = newMd5();
            copyWithProgress(new DigestInputStream(body, md5), part, address.toString(), total);
            String actual = HexFormat.of().formatHex(md5.digest());
            if (!actual.equalsIgnoreCase(expectedMd5)) {
                throw new IOException("checksum mismatch: MD5 " + actual + ", expected " + expectedMd5);
            }
            Files.move(part, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private void copyWithProgress(InputStream in, Path target, String address, long total) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[BUFFER_BYTES];
            long copied = 0;
            long reported = 0;
            progress.onBytes(address, 0, total);
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                copied += n;
                if (copied - reported >= PROGRESS_STEP_BYTES) {
                    progress.onBytes(address, copied, total);
                    reported = copied;
                }
            }
            progress.onFileDone(address, copied);
        }
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides MD5", e);
        }
    }

    /** Says why a mirror failed, in words: an HTTP status, a checksum, or what the network did. */
    private static String describe(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof ConnectException) {
            return "cannot connect";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + message;
        }
        if (e instanceof HttpTimeoutException || e instanceof SocketTimeoutException) {
            return "timed out";
        }
        if (e instanceof SSLException) {
            return "secure connection failed";
        }
        return message.isBlank() ? "failed" : message;
    }
}
