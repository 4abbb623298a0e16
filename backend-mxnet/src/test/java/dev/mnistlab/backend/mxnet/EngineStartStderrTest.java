package dev.mnistlab.backend.mxnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MXNet's start-up banner stays off standard error while every line that other threads write
 * meanwhile arrives, in order: checked in a real child JVM, where {@code System.err} is the
 * process's descriptor 2 (the test runner's own JVM captures it).
 */
class EngineStartStderrTest {

    @TempDir
    Path folder;

    @Test
    void anotherThreadsLinesAllArriveWhileTheEngineStartsAndTheBannerDoesNot() throws Exception {
        Path out = folder.resolve("out.txt");
        Path err = folder.resolve("err.txt");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dai.djl.offline=true",
                        "-cp",
                        System.getProperty("java.class.path"),
                        StderrWhileStarting.class.getName())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // An engine started earlier in this JVM set the engine type in the environment, which a child
        // inherits when Java first reads the environment after that; mnistlab filters the banner only
        // when it chooses the engine type itself.
        builder.environment().remove("MXNET_ENGINE_TYPE");
        Process child = builder.start();
        child.getOutputStream().close();
        assertEquals(0, child.waitFor(), () -> read(err));

        String[] summary = Files.readString(out).strip().split(" ", -1);
        int written = Integer.parseInt(summary[1]);
        int duringStart = Integer.parseInt(summary[3]);
        List<String> appLines = new ArrayList<>();
        for (String line : Files.readAllLines(err, StandardCharsets.UTF_8)) {
            if (line.startsWith("app line ")) {
                appLines.add(line);
            }
        }
        System.out.println("lines written while MXNet started: " + duringStart + " of " + written);
        assertTrue(duringStart >= 5, "only " + duringStart + " lines were written while the engine started");
        List<String> expected =
                IntStream.range(0, written).mapToObj(i -> "app line " + i).toList();
        assertEquals(
                expected,
                appLines,
                () -> "first difference: " + firstDifference(expected, appLines) + "\n" + read(err));
        assertTrue(!read(err).contains("MXNet start using engine"), read(err));
    }

    @Test
    void bannerIsCutOutOfALineItInterrupted() {
        String banner = "[15:26:49] ../src/engine/engine.cc:55: MXNet start using engine: NaiveEngine\n";
        assertEquals("", new BannerFilter().apply(banner));
        assertEquals("app line 5\n", new BannerFilter().apply("app line 5" + banner));
        assertEquals("\n", new BannerFilter().apply("\n"));
        assertEquals("an ordinary line\n", new BannerFilter().apply("an ordinary line\n"));
        assertEquals("[15:26:49] a log line\n", new BannerFilter().apply("[15:26:49] a log line\n"));
    }

    @Test
    void aLineThatLandedInsideTheBannerArrivesWholeAndTheBannerDoesNot() {
        // Seen on a loaded machine: MXNet writes the banner in pieces, and another thread's line
        // came between them.
        BannerFilter filter = new BannerFilter();
        assertEquals("app line 620\n", filter.apply("[14:20:47] ../src/engine/engine.ccapp line 620\n"));
        assertEquals("", filter.apply(":55: MXNet start using engine: NaiveEngine\n"));
        assertEquals("app line 621\n", filter.apply("app line 621\n"));
    }

    private static String firstDifference(List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                return "line " + i + ": expected '" + expected.get(i) + "', got '" + actual.get(i) + "'";
            }
        }
        return expected.size() + " lines expected, " + actual.size() + " arrived";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
