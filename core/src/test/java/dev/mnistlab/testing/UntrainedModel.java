package dev.mnistlab.testing;

import ai.djl.Device;
import ai.djl.Model;
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
        return Architecture.parse(architecture, List.of())
                .newModel(
                        Architecture.CLASS_COUNT,
                        Device.cpu(),
                        Backends.get(engine).engineName());
    }
}
