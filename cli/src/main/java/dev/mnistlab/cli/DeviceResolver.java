package dev.mnistlab.cli;

import ai.djl.Device;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.backend.DeviceChoice;
import java.io.PrintWriter;

/**
 * Resolves {@code --device} for a command, and with {@code auto} says on standard error when the
 * machine has a GPU the engine does not see, rather than let DJL fall back to the CPU unnoticed.
 */
final class DeviceResolver {

    private DeviceResolver() {}

    static Device resolve(DeviceChoice choice, Backend backend, PrintWriter err) {
        Device device = choice.resolve(backend);
        if (choice == DeviceChoice.AUTO) {
            DeviceChoice.unseenGpuNotice(backend).ifPresent(notice -> {
                err.println("mnistlab: " + notice);
                err.flush();
            });
        }
        return device;
    }
}
