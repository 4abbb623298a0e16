package dev.mnistlab.train;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.machine.MachineInfo;
import dev.mnistlab.model.Architecture;
import dev.mnistlab.model.MlpArchitecture;
import java.util.Locale;

/**
 * Checks, before a training allocates anything, that it fits: the engine's memory for the
 * parameters, their gradients and the optimizer's arrays, and for a batch's layer outputs kept for
 * the backward pass, against what the machine has available, and the largest layer's starting
 * weights (drawn on the Java side) against the JVM's free heap. A model or batch too large fails
 * here in one line instead of deep inside an allocation, or in the kernel's out-of-memory killer.
 */
final class MemoryBudget {

    /** Weights, gradients, and the optimizer's state and scratch arrays (Adam: two and one). */
    private static final int ARRAYS_PER_PARAMETER = 5;

    /** Each layer's output kept for the backward pass, its gradient, and the engine's scratch. */
    private static final int ARRAYS_PER_ACTIVATION = 3;

    private static final double GB = 1e9;

    private MemoryBudget() {}

    /**
     * Refuses a training that cannot fit.
     *
     * @param architecture the network
     * @param classCount its output width
     * @param batchSize images per step
     * @throws InvalidInputException about the batch size when its layers' outputs are what does not
     *     fit, else about the architecture or its hidden layers
     */
    static void requireTrainingFits(Architecture architecture, int classCount, int batchSize) {
        long parameters = architecture.parameterCount(classCount);
        long parameterBytes = parameters * Float.BYTES * ARRAYS_PER_PARAMETER;
        long activationBytes =
                (long) batchSize * architecture.activationsPerImage() * Float.BYTES * ARRAYS_PER_ACTIVATION;
        long available = MachineInfo.availableMemoryBytes();
        if (available > 0 && parameterBytes + activationBytes > available) {
            String why = String.format(
                    Locale.ROOT,
                    "training it needs about %.1f GB (%,d parameters with their gradients and the optimizer's"
                            + " state: %.1f GB; batches of %,d images through its layers: %.1f GB), and this"
                            + " machine has %.1f GB available",
                    (parameterBytes + activationBytes) / GB,
                    parameters,
                    parameterBytes / GB,
                    batchSize,
                    activationBytes / GB,
                    available / GB);
            if (activationBytes > parameterBytes) {
                throw new InvalidInputException(
                        InputField.BATCH_SIZE, "batchSize " + batchSize + " is too large for this machine: " + why);
            }
            throw tooLarge(architecture, why);
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
