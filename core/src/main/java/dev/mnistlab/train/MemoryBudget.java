package dev.mnistlab.train;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.machine.MachineInfo;
import dev.mnistlab.model.Architecture;
import dev.mnistlab.model.MlpArchitecture;
import java.util.Locale;

/**
 * Checks, before a training allocates anything, that its model fits: the engine's memory for the
 * parameters, their gradients and the optimizer's arrays against what the machine has available,
 * and the largest layer's starting weights (drawn on the Java side) against the JVM's free heap. A
 * model too large fails here in one line instead of deep inside an allocation.
 */
final class MemoryBudget {

    /** Weights, gradients, and the optimizer's state and scratch arrays (Adam: two and one). */
    private static final int ARRAYS_PER_PARAMETER = 5;

    private static final double GB = 1e9;

    private MemoryBudget() {}

    /**
     * Refuses a training that cannot fit.
     *
     * @param architecture the network
     * @param classCount its output width
     * @throws InvalidInputException about the architecture or its hidden layers if it does not fit
     */
    static void requireTrainingFits(Architecture architecture, int classCount) {
        long parameters = architecture.parameterCount(classCount);
        long engineBytes = parameters * Float.BYTES * ARRAYS_PER_PARAMETER;
        long available = MachineInfo.availableMemoryBytes();
        if (available > 0 && engineBytes > available) {
            throw tooLarge(
                    architecture,
                    String.format(
                            Locale.ROOT,
                            "training it needs about %.1f GB for its %,d parameters, their gradients and the"
                                    + " optimizer's state, and this machine has %.1f GB available",
                            engineBytes / GB,
                            parameters,
                            available / GB));
        }
        Runtime runtime = Runtime.getRuntime();
        long heapFree = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        long heapBytes = architecture.largestParameterArray() * Float.BYTES;
        if (heapBytes > heapFree) {
            throw tooLarge(
                    architecture,
                    String.format(
                            Locale.ROOT,
                            "its largest layer's starting weights need %.1f GB of Java heap and %.1f GB is free"
                                    + " (give Java more with -Xmx)",
                            heapBytes / GB,
                            heapFree / GB));
        }
    }

    private static InvalidInputException tooLarge(Architecture architecture, String why) {
        if (architecture instanceof MlpArchitecture mlp) {
            return new InvalidInputException(
                    InputField.HIDDEN_LAYERS,
                    "hiddenLayers " + mlp.hidden() + " make too large a model: " + why + "; make the layers narrower");
        }
        return new InvalidInputException(
                InputField.ARCHITECTURE,
                "architecture " + architecture.name() + " is too large for this machine: " + why);
    }
}
