package dev.mnistlab.bench;

import dev.mnistlab.data.DatasetFile;
import java.nio.file.Path;

/** Where the benchmarks find real MNIST: the build's {@code mnistlab.testMnistDir}, as the tests do. */
public final class BenchmarkData {

    private BenchmarkData() {}

    /**
     * Returns the MNIST folder.
     *
     * @throws IllegalStateException if the four IDX files are not there
     */
    public static Path mnistFolder() {
        Path folder = Path.of(System.getProperty("mnistlab.testMnistDir", "../shared/data/mnist"))
                .toAbsolutePath();
        if (!DatasetFile.allPresentIn(folder)) {
            throw new IllegalStateException("MNIST not found in " + folder + "; set -Dmnistlab.testMnistDir");
        }
        return folder;
    }
}
