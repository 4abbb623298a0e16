package dev.mnistlab.testing;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.model.Architecture;
import java.util.List;

/** Models with freshly initialised weights, for tests and benchmarks of inference, where training adds nothing. */
public final class UntrainedModel {

    private UntrainedModel() {}

    /**
     * Builds and initialises a model on the CPU.
     *
     * @param engine a backend name, e.g. {@code pytorch}
     * @param architecture {@code mlp}, {@code cnn} or {@code cnn-bn}
     * @return a model the caller closes
     */
    public static Model of(String engine, String architecture) {
        Model model = Model.newInstance(
                architecture, Device.cpu(), Backends.get(engine).engineName());
        model.setBlock(Architecture.parse(architecture, List.of()).newBlock(Architecture.CLASS_COUNT));
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 1, 28, 28));
        return model;
    }
}
