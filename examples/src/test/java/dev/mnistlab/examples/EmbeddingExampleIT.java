package dev.mnistlab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.testing.DocSection;
import dev.mnistlab.testing.RealData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example of docs/embedding.md runs as written, with mnistlab-core and the PyTorch backend alone. */
class EmbeddingExampleIT {

    private static final Path SOURCE = Path.of("src/main/java/dev/mnistlab/examples/EmbeddingExample.java");

    @TempDir
    Path dir;

    @Test
    void trainsSavesLoadsAndClassifiesEveryKindOfInput() throws IOException {
        Path model = dir.resolve("model");
        String printed = runMain(RealData.mnist().toString(), model.toString());
        System.out.print(printed);
        List<String> lines = printed.lines().toList();
        assertEquals(7, lines.size(), printed);
        double trained = accuracy(lines.get(1), "epoch 2: test accuracy (\\d\\.\\d{4})");
        assertTrue(trained > 0.94, "the tutorial's 0.9469, give or take: " + printed);
        assertEquals(
                trained,
                accuracy(lines.get(2), "loaded: test accuracy (\\d\\.\\d{4})"),
                1e-9,
                "the saved and loaded model scores as the trained one");
        for (String given : List.of("a BufferedImage", "PNG bytes", "a file")) {
            assertTrue(
                    printed.contains(given + ": 7 (p "), "the drawn 7 is read as a 7 from " + given + ": " + printed);
        }
        assertTrue(printed.contains("28x28 floats (test image 0, a 7): 7 (p "), printed);
        assertTrue(Files.exists(model.resolve("model.json")) && Files.exists(model.resolve("metrics.json")));
    }

    @Test
    void theAppNeedsNoCommandLineAndNoSecondEngine() {
        assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.mnistlab.cli.Main"));
        assertThrows(ClassNotFoundException.class, () -> Class.forName("ai.djl.mxnet.engine.MxEngine"));
    }

    @Test
    void docsShowThisExampleAsItIs() throws IOException {
        DocSection.assertCurrent(
                Path.of("../docs/embedding.md"), "example", "```java\n" + Files.readString(SOURCE) + "```\n");
    }

    private static double accuracy(String line, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(line);
        assertTrue(matcher.matches(), line);
        return Double.parseDouble(matcher.group(1));
    }

    private static String runMain(String... args) throws IOException {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            EmbeddingExample.main(args);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
