package dev.mnistlab.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.data.DatasetLoader;
import dev.mnistlab.data.EpochOrder;
import dev.mnistlab.data.ImageSet;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.data.internal.ImageBatcher;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building a training batch from shuffled MNIST images, as {@code ClassifierTrainer} does every step:
 * gather and scale the pixels, hand them and the labels to the engine, free them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Dai.djl.offline=true")
public class BatchCreationBenchmark {

    @Param({"pytorch", "mxnet"})
    public String engine;

    @Param({"32", "256"})
    public int batchSize;

    private NDManager manager;
    private ImageBatcher batcher;
    private int[] order;
    private int from;

    @Setup(Level.Trial)
    public void load() throws IOException {
        ImageSet train = DatasetLoader.load(BenchmarkData.mnistFolder(), NamedDataset.MNIST)
                .train();
        manager = Backends.get(engine).engine().newBaseManager(Device.cpu());
        batcher = new ImageBatcher(train, batchSize);
        order = EpochOrder.shuffled(train.size(), 42, 1);
    }

    @TearDown(Level.Trial)
    public void close() {
        manager.close();
    }

    @Benchmark
    public long batch() {
        from = from + batchSize > order.length ? 0 : from;
        try (Batch batch = batcher.batch(manager.newSubManager(), order, from, from + batchSize)) {
            from += batchSize;
            return batch.getSize();
        }
    }
}
