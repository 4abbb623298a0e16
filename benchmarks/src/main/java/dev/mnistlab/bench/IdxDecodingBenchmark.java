package dev.mnistlab.bench;

import dev.mnistlab.data.IdxArray;
import dev.mnistlab.data.IdxReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Reading and checking MNIST's IDX files, gzip included: the 60,000 training images and their labels. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class IdxDecodingBenchmark {

    @Param({"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"})
    public String file;

    private Path path;
    private int dimensions;

    @Setup
    public void findFile() {
        path = BenchmarkData.mnistFolder().resolve(file);
        dimensions = file.contains("images") ? 3 : 1;
    }

    @Benchmark
    public IdxArray decode() throws IOException {
        return IdxReader.read(path, dimensions);
    }
}
