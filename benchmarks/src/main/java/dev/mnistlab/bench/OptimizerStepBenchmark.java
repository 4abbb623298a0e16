package dev.mnistlab.bench;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.model.Architecture;
import dev.mnistlab.train.StatefulOptimizer;
import dev.mnistlab.train.TrainingSpec;
import java.util.List;
import java.util.Random;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One optimizer step over every parameter of the seed models, with their default optimizers (MLP:
 * Keras RMSProp, CNN: Adam), two ways: DJL's {@code Trainer.step()}, whose parameter server copies
 * each gradient before the update, and {@link StatefulOptimizer#step}, which updates from the
 * gradients as they are. The same rule and arithmetic either way. {@code layout}: each parameter
 * an array of its own, or all of them views of one buffer ({@link
 * StatefulOptimizer#gatherParameters}; on MXNet, whose slices are copies, the same as "each").
 *
 * <p>Every invocation first runs a forward and backward pass on one fixed batch (not timed, {@code
 * Level.Invocation}), so each step sees a real gradient: stepping again on cleared gradients would
 * let the moving averages decay into denormal numbers and time those instead.
 */
@State(Scope.Benchmark)
public class OptimizerStepBenchmark extends EngineBenchmark {

    @Param({"mlp", "cnn"})
    public String model;

    @Param({"each", "buffer"})
    public String layout;

    private Model network;
    private Trainer trainer;
    private StatefulOptimizer optimizer;
    private List<Parameter> parameters;
    private NDList images;
    private NDList labels;

    @Setup(Level.Trial)
    public void build() {
        Backend backend = Backends.get(engine);
        backend.engine(); // loads the engine as training does, with the backend's native settings
        // A learning rate too small to move a float32 weight: the arithmetic is the same, but the
        // gradient of the one fixed batch stays what it is instead of shrinking as the model
        // learns the batch by heart, which would let the moving averages decay into denormals.
        TrainingSpec spec =
                TrainingSpec.builder().optModel(model).optLearningRate(1e-30).build();
        Architecture architecture = spec.architecture();
        network = Model.newInstance(model, Device.cpu(), backend.engineName());
        network.setBlock(architecture.newBlock(Architecture.CLASS_COUNT));
        optimizer = spec.optimizer().newOptimizer(backend, network.getNDManager());
        trainer = network.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
                .optOptimizer(optimizer));
        Shape batch = new Shape(spec.batchSize(), 1, 28, 28);
        parameters = StatefulOptimizer.parametersOf(network);
        if (layout.equals("buffer")) {
            network.getBlock().initialize(network.getNDManager(), DataType.FLOAT32, batch);
            optimizer.gatherParameters(parameters);
        }
        trainer.initialize(batch);
        Random random = new Random(42);
        float[] pixels = new float[Math.toIntExact(batch.size())];
        float[] classes = new float[spec.batchSize()];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        for (int i = 0; i < classes.length; i++) {
            classes[i] = random.nextInt(Architecture.CLASS_COUNT);
        }
        NDManager manager = trainer.getManager();
        images = new NDList(manager.create(pixels, batch));
        labels = new NDList(manager.create(classes, new Shape(spec.batchSize())));
    }

    @Setup(Level.Invocation)
    public void backward() {
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDList scores = trainer.forward(images);
            NDArray loss = trainer.getLoss().evaluate(labels, scores);
            collector.backward(loss);
            scores.close();
            loss.close();
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        trainer.close();
        network.close();
    }

    @Benchmark
    public void djlTrainerStep() {
        trainer.step();
    }

    @Benchmark
    public void mnistlabStep() {
        optimizer.step(parameters);
    }
}
