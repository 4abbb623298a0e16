package dev.mnistlab.compare;

import dev.mnistlab.machine.MachineInfo;
import java.time.Instant;

/**
 * Provenance of a comparison: where, when and how it was run.
 *
 * @param machine the machine
 * @param command the command line, as the user would type it again
 * @param startedAt when the comparison started
 */
public record CompareContext(MachineInfo machine, String command, Instant startedAt) {}
