package dev.mnistlab.serve;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.LambdaBlock;
import dev.mnistlab.data.NamedDataset;
import dev.mnistlab.infer.DigitClassifier;
import dev.mnistlab.model.MlpArchitecture;
import dev.mnistlab.model.ModelDescriptor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A model whose forward pass takes a fixed time and answers class 0 for every image, so that
 * tests can hold requests in the queue and in flight for as long as they need.
 */
final class SlowModel implements AutoCloseable {

    static final ModelDescriptor DESCRIPTOR =
            new ModelDescriptor(MlpArchitecture.seed(), "mnist", NamedDataset.MNIST.classNames());

    /** The image count of every forward pass, in order. */
    final List<Integer> batches = new CopyOnWriteArrayList<>();

    final DigitClassifier classifier;

    private final Model model;

    SlowModel(Duration forward) {
        model = Model.newInstance("slow", Engine.getEngine("PyTorch").getEngineName());
        model.setBlock(new LambdaBlock(inputs -> {
            long images = inputs.head().getShape().get(0);
            batches.add((int) images);
            try {
                Thread.sleep(forward.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new NDList(inputs.head().getManager().zeros(new Shape(images, 10)));
        }));
        classifier = new DigitClassifier(model, DESCRIPTOR.classNames());
    }

    /** Frees the engine's model; the classifier over it is closed by whoever serves it. */
    @Override
    public void close() {
        model.close();
    }
}
