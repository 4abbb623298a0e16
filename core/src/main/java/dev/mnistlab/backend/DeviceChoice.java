package dev.mnistlab.backend;

import ai.djl.Device;
import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import java.util.Locale;

/** Where to compute: the user's {@code --device} choice, resolved against what an engine sees. */
public enum DeviceChoice {
    /** The first GPU if the engine sees one, else the CPU. */
    AUTO,
    /** The CPU. */
    CPU,
    /** The first GPU; an error if the engine sees none. */
    GPU;

    /**
     * Parses the user's word.
     *
     * @throws InvalidInputException if it is not {@code auto}, {@code cpu} or {@code gpu}
     */
    public static DeviceChoice parse(String word) {
        try {
            return valueOf(word.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(
                    InputField.DEVICE, "device '" + word + "' is unknown: choose one of auto, cpu, gpu");
        }
    }

    /**
     * Resolves this choice against the devices a backend's engine sees.
     *
     * @throws InvalidInputException if a GPU is required and none is visible
     */
    public Device resolve(Backend backend) {
        int gpus = backend.engine().getGpuCount();
        return switch (this) {
            case CPU -> Device.cpu();
            case AUTO -> gpus > 0 ? Device.gpu() : Device.cpu();
            case GPU -> {
                if (gpus == 0) {
                    throw new InvalidInputException(
                            InputField.DEVICE,
                            "device gpu: the " + backend.name()
                                    + " engine sees no GPU (no CUDA device visible, or CPU-only native libraries"
                                    + " loaded; see docs/gpu.md); choose cpu or auto");
                }
                yield Device.gpu();
            }
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
