package dev.mnistlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * core must compile against no engine. The enforcer rule in core/pom.xml bans engine artifacts;
 * this test catches source that names an engine package (a fully qualified name or an import).
 */
class CoreIsEngineFreeTest {

    private static final Pattern ENGINE_PACKAGE =
            Pattern.compile("\\bai\\.djl\\.(pytorch|mxnet|tensorflow|onnxruntime)\\b");

    @Test
    void noCoreSourceNamesAnEnginePackage() throws IOException {
        Path sources = Path.of("src/main/java");
        assertTrue(Files.isDirectory(sources), "run from the core module: " + sources.toAbsolutePath());
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(CoreIsEngineFreeTest::namesEngine)
                    .map(Path::toString)
                    .toList();
            assertEquals(List.of(), offenders);
        }
    }

    private static boolean namesEngine(Path file) {
        try {
            return ENGINE_PACKAGE.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
