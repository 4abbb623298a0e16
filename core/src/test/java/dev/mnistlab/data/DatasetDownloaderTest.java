package dev.mnistlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.testing.IdxFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real download path, against an HTTP server on 127.0.0.1 serving files the test makes. */
class DatasetDownloaderTest {

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, byte[]> served = new ConcurrentHashMap<>();
    private final List<String> requests = new ArrayList<>();
    private final Map<DatasetFile, String> md5 = new EnumMap<>(DatasetFile.class);

    @BeforeEach
    void serveDataset() throws IOException {
        Path source = IdxFiles.writeDataset(dir.resolve("source"), 40, 10);
        for (DatasetFile file : DatasetFile.values()) {
            byte[] bytes = Files.readAllBytes(source.resolve(file.compressedName()));
            served.put("/good/" + file.compressedName(), bytes);
            md5.put(file, md5(bytes));
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            synchronized (requests) {
                requests.add(path);
            }
            byte[] body = served.get(path);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI base(String folder) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + folder + "/");
    }

    @Test
    void downloadsVerifiesAndReportsProgress() throws IOException {
        List<Long> started = new ArrayList<>();
        List<Long> finished = new ArrayList<>();
        DatasetDownloader downloader = DatasetDownloader.withDefaultClient(new DownloadProgress() {
            @Override
            public void onBytes(String address, long bytesSoFar, long totalBytes) {
                started.add(bytesSoFar);
            }

            @Override
            public void onFileDone(String address, long bytes) {
                finished.add(bytes);
            }
        });
        Path target = dir.resolve("cache/mnist");
        downloader.download(new DownloadSource(List.of(base("good")), md5), target);
        List<Long> sizes = new ArrayList<>();
        for (DatasetFile file : DatasetFile.values()) {
            byte[] expected = served.get("/good/" + file.compressedName());
            assertArrayEquals(expected, Files.readAllBytes(target.resolve(file.compressedName())));
            sizes.add((long) expected.length);
        }
        assertEquals(List.of(0L, 0L, 0L, 0L), started, "each small file reports its start, then arrives at once");
        assertEquals(sizes, finished, "and its whole size when done");
        assertEquals(40, DatasetLoader.load(target, NamedDataset.MNIST).train().size());
        assertNoPartFiles(target);
    }

    @Test
    void fallsBackToTheNextMirror() throws IOException {
        DatasetDownloader downloader = DatasetDownloader.withDefaultClient(DownloadProgress.NONE);
        Path target = dir.resolve("cache/mnist");
        downloader.download(new DownloadSource(List.of(base("missing"), base("good")), md5), target);
        assertTrue(DatasetFile.allPresentIn(target));
        assertTrue(requests.contains("/missing/train-images-idx3-ubyte.gz"));
    }

    @Test
    void checksumMismatchLeavesNothingBehind() throws IOException {
        md5.put(DatasetFile.TRAIN_LABELS, "0".repeat(32));
        DatasetDownloader downloader = DatasetDownloader.withDefaultClient(DownloadProgress.NONE);
        Path target = dir.resolve("cache/mnist");
        IOException e = assertThrows(
                IOException.class, () -> downloader.download(new DownloadSource(List.of(base("good")), md5), target));
        String actual = md5(served.get("/good/train-labels-idx1-ubyte.gz"));
        assertEquals(
                "could not download train-labels-idx1-ubyte.gz: " + base("good")
                        + "train-labels-idx1-ubyte.gz (checksum mismatch: MD5 " + actual + ", expected "
                        + "0".repeat(32)
                        + ")",
                e.getMessage());
        assertFalse(Files.exists(target.resolve("train-labels-idx1-ubyte.gz")));
        assertNoPartFiles(target);
    }

    @Test
    void locatorDownloadsIntoTheCacheWhenNothingElseHasTheData() throws IOException {
        Path cache = dir.resolve("cache");
        DatasetLocator locator = new DatasetLocator(
                Map.of(),
                cache,
                DatasetDownloader.withDefaultClient(DownloadProgress.NONE),
                dataset -> new DownloadSource(List.of(base("good")), md5));
        assertEquals(cache.resolve("mnist"), locator.locate(NamedDataset.MNIST, null));
        assertTrue(DatasetFile.allPresentIn(cache.resolve("mnist")));
    }

    @Test
    void locatorListsEveryPlaceTriedWhenAllFail() {
        Path cache = dir.resolve("cache");
        Path env = dir.resolve("env");
        DatasetLocator locator = new DatasetLocator(
                Map.of(DatasetLocator.DATA_DIR_VARIABLE, env.toString()),
                cache,
                DatasetDownloader.withDefaultClient(DownloadProgress.NONE),
                dataset -> new DownloadSource(List.of(base("missing")), md5));
        InvalidInputException e =
                assertThrows(InvalidInputException.class, () -> locator.locate(NamedDataset.MNIST, null));
        assertEquals(
                "dataFolder not given and dataset 'mnist' not found elsewhere; tried: " + env.resolve("mnist")
                        + " (no such folder); " + cache.resolve("mnist") + " (no such folder); download into "
                        + cache.resolve("mnist") + " (could not download train-images-idx3-ubyte.gz: " + base("missing")
                        + "train-images-idx3-ubyte.gz (HTTP 404)). Give a data folder holding the four IDX files"
                        + " (train-images-idx3-ubyte.gz, ...), or set MNISTLAB_DATA_DIR to a folder holding mnist/,"
                        + " or connect to the internet",
                e.getMessage());
        assertFalse(Files.exists(cache), "a failed download leaves no folder behind");
    }

    @Test
    void locatorPrefersEnvironmentThenCacheThenSystemFolders() throws IOException {
        Path cache = dir.resolve("cache");
        Path env = dir.resolve("env");
        DatasetLocator locator = new DatasetLocator(
                Map.of(DatasetLocator.DATA_DIR_VARIABLE, env.toString()),
                cache,
                DatasetDownloader.withDefaultClient(DownloadProgress.NONE),
                dataset -> new DownloadSource(List.of(base("missing")), md5));
        IdxFiles.writeDataset(cache.resolve("mnist"), 2, 2);
        assertEquals(cache.resolve("mnist"), locator.locate(NamedDataset.MNIST, null));
        IdxFiles.writeDataset(env.resolve("mnist"), 2, 2);
        assertEquals(env.resolve("mnist"), locator.locate(NamedDataset.MNIST, null));
        Path explicit = dir.resolve("explicit");
        assertEquals(explicit, locator.locate(NamedDataset.MNIST, explicit));
        assertTrue(requests.isEmpty(), "nothing downloaded: " + requests);
    }

    private static void assertNoPartFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(
                    List.of(),
                    files.filter(f -> f.getFileName().toString().endsWith(".part"))
                            .toList());
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
