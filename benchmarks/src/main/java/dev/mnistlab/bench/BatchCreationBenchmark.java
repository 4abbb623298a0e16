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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Building a training batch from shuffled MNIST images, as {@code ClassifierTrainer} does every step:
 * gather and scale the pixels, hand them and the labels to the engine, free them.
 */
@State(Scope.Benchmark)
public class BatchCreationBenchmark extends EngineBenchmark {

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
