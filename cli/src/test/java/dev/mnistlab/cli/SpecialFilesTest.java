package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.files.FileKind;
import dev.mnistlab.testing.Folders;
import dev.mnistlab.testing.Pictures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No output path replaces a device, FIFO or socket, and no input path blocks on a FIFO: each is
 * refused by its kind, in one line with exit 2, before any work. The special files are made in a
 * temporary folder (a character device with {@code mknod}, as root: CI runs as root).
 */
class SpecialFilesTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    static Path shared;

    static Path data;
    static Path model;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainATinyModel() throws IOException {
        TinyModel tiny = TinyModel.trainIn(shared);
        data = tiny.data();
        model = tiny.model();
    }

    @Test
    void noOutputReplacesASpecialFile() throws Exception {
        for (Path special : specialFiles(dir)) {
            FileKind kind = FileKind.of(special, LinkOption.NOFOLLOW_LINKS);
            String name = special.toString();
            refused(kind, special, "show", "--data-dir", data.toString(), "--output", name);
            refused(kind, special, "train", "--data-dir", data.toString(), "--epochs", "1", "--output", name);
            refused(kind, special, "predict", "--model", model.toString(), "--save-prepared", name, picture());
            refused(kind, special, "compare", "--data-dir", data.toString(), "--output", name);
            assertEquals(kind, FileKind.of(special, LinkOption.NOFOLLOW_LINKS), name + " is still what it was");
        }
    }

    @Test
    void evaluateRefusesASpecialFileWhereItsChartGoes() throws Exception {
        Path output = Files.createDirectories(dir.resolve("report"));
        for (Path special : specialFiles(output)) {
            Path chart = output.resolve("confusion.png");
            Files.move(special, chart);
            FileKind kind = FileKind.of(chart, LinkOption.NOFOLLOW_LINKS);
            refused(
                    kind,
                    chart,
                    "evaluate",
                    "--model",
                    model.toString(),
                    "--data-dir",
                    data.toString(),
                    "--output",
                    output.toString());
            assertEquals(kind, FileKind.of(chart, LinkOption.NOFOLLOW_LINKS));
            Files.delete(chart);
        }
    }

    @Test
    void noInputBlocksOnAFifo() throws Exception {
        Path image = fifo(dir.resolve("digit.png"));
        refused(FileKind.FIFO, image, "predict", "--model", model.toString(), image.toString());

        Path idx = Folders.copy(data, dir.resolve("data"));
        Files.delete(idx.resolve("train-images-idx3-ubyte.gz"));
        fifo(idx.resolve("train-images-idx3-ubyte.gz"));
        refused(
                FileKind.FIFO,
                idx.resolve("train-images-idx3-ubyte.gz"),
                "show",
                "--data-dir",
                idx.toString(),
                "--output",
                dir.resolve("grid.png").toString());

        for (String file : List.of("model.json", "model-0001.params", "optimizer.state")) {
            Path folder = Folders.copy(model, dir.resolve("model-" + file));
            Files.delete(folder.resolve(file));
            fifo(folder.resolve(file));
            String[] command = file.equals("optimizer.state")
                    ? new String[] {
                        "train", "--resume", folder.toString(), "--epochs", "2", "--data-dir", data.toString()
                    }
                    : new String[] {"evaluate", "--model", folder.toString(), "--data-dir", data.toString()};
            refused(FileKind.FIFO, folder.resolve(file), command);
        }
    }

    /** Runs a command that must refuse {@code path} for being of {@code kind}, quickly, in one line. */
    private static void refused(FileKind kind, Path path, String... command) {
        CliRun run =
                assertTimeoutPreemptively(LIMIT, () -> CliRun.of(command), "blocked: " + String.join(" ", command));
        assertEquals(2, run.exitCode(), String.join(" ", command) + ": " + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(
                run.err().contains(path + " is " + kind.words()) || run.err().contains(path + ": is " + kind.words()),
                String.join(" ", command) + ": " + run.err());
    }

    private String picture() throws IOException {
        Path picture = dir.resolve("seven.png");
        if (!Files.exists(picture)) {
            Files.write(picture, Pictures.encoded(Pictures.stroke(BufferedImage.TYPE_INT_RGB), "png"));
        }
        return picture.toString();
    }

    /** A FIFO, a character device like /dev/null, and a socket, in a folder. */
    private static List<Path> specialFiles(Path folder) throws IOException, InterruptedException {
        Path device = folder.resolve("null-device");
        make("mknod", device.toString(), "c", "1", "3");
        Path socket = folder.resolve("socket");
        try (ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.bind(UnixDomainSocketAddress.of(socket));
        }
        return List.of(fifo(folder.resolve("fifo")), device, socket);
    }

    private static Path fifo(Path path) throws IOException {
        try {
            make("mkfifo", path.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return path;
    }

    private static void make(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertEquals(0, process.waitFor(), String.join(" ", command) + " failed (CI runs as root)");
    }
}
