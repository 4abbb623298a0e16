package dev.mnistlab.backend;

import ai.djl.Device;
import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.Plural;
import dev.mnistlab.machine.GpuHardware;
import java.util.Locale;
import java.util.Optional;

/** Where to compute: the user's {@code --device} choice, resolved against what an engine sees. */
public enum DeviceChoice {
    /** The first GPU if the engine sees one, else the CPU. */
    AUTO,
    /** The CPU. */
    CPU,
    /** The first GPU; an error if the engine sees none. */
    GPU;

    private static final String GPU_SWITCH = "docs/gpu.md gives the switch to CUDA natives";

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
                    Optional<String> unseen = unseenGpu(backend, GpuHardware.count());
                    if (unseen.isPresent()) {
                        throw new InvalidInputException(
                                InputField.DEVICE,
                                "device gpu: " + unseen.get() + "; " + GPU_SWITCH + ", or choose cpu");
                    }
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

    /**
     * Says, in one line, that the machine has a GPU the engine does not see, or nothing when there
     * is none or the engine sees it: DJL then computes on the CPU without a word.
     *
     * @param backend the engine that will compute
     * @return the notice, e.g. for standard error; empty if there is nothing to say
     */
    public static Optional<String> unseenGpuNotice(Backend backend) {
        return unseenGpu(backend, GpuHardware.count())
                .map(unseen -> unseen + ", so it computes on the CPU; " + GPU_SWITCH);
    }

    /** What the machine has and the engine does not see; empty if nothing. */
    static Optional<String> unseenGpu(Backend backend, int machineGpus) {
        if (machineGpus == 0 || backend.engine().getGpuCount() > 0) {
            return Optional.empty();
        }
        return Optional.of("this machine has " + Plural.count(machineGpus, "NVIDIA GPU") + " but the " + backend.name()
                + " engine loaded CPU-only native libraries");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
