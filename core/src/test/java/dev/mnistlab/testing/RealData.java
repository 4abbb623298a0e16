package dev.mnistlab.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mnistlab.data.DatasetFile;
import java.nio.file.Path;

/**
 * Finds the real datasets for integration tests.
 *
 * <p>Without the data a test is skipped on a developer's machine, but fails when the environment
 * variable {@code MNISTLAB_REQUIRE_DATA} is {@code true} (as in CI), so missing data can never pass
 * for a green build.
 */
public final class RealData {

    /** The variable that turns missing data into failures. */
    public static final String REQUIRE_VARIABLE = "MNISTLAB_REQUIRE_DATA";

    private RealData() {}

    /** Returns the MNIST folder given by the build ({@code ../shared/data/mnist}). */
    public static Path mnist() {
        return require(Path.of(System.getProperty("mnistlab.testMnistDir", "../shared/data/mnist")), "MNIST");
    }

    /** Returns Debian's Fashion-MNIST folder (package {@code dataset-fashion-mnist}). */
    public static Path fashionMnist() {
        return require(Path.of("/usr/share/datasets/fashion-mnist"), "Fashion-MNIST");
    }

    private static Path require(Path folder, String name) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (!DatasetFile.allPresentIn(absolute)) {
            String message = name + " not found in " + absolute;
            if (Boolean.parseBoolean(System.getenv(REQUIRE_VARIABLE))) {
                fail(message + " and " + REQUIRE_VARIABLE + "=true");
            }
            assumeTrue(false, message + "; skipping (set " + REQUIRE_VARIABLE + "=true to fail instead)");
        }
        return absolute;
    }
}
