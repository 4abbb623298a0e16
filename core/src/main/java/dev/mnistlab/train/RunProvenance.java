package dev.mnistlab.train;

import dev.mnistlab.MnistlabVersion;
import dev.mnistlab.data.DataSource;
import dev.mnistlab.machine.MachineInfo;

/**
 * What a training result needs to be reproduced and compared, beyond its {@link TrainingSpec}: the
 * mnistlab version, the data it read (with fingerprints), how many threads the engine computed with
 * (the same seed gives the same result with the same count) and the machine.
 *
 * @param mnistlabVersion the version of mnistlab that trained
 * @param data where the data came from
 * @param computeThreads the engine's compute threads during training
 * @param machine the CPU, cores and memory it ran on
 */
public record RunProvenance(String mnistlabVersion, DataSource data, int computeThreads, MachineInfo machine) {

    /**
     * Describes a run starting now on this machine.
     *
     * @param data the data it trains on
     * @param computeThreads the engine's compute threads
     */
    public static RunProvenance here(DataSource data, int computeThreads) {
        return new RunProvenance(MnistlabVersion.get(), data, computeThreads, MachineInfo.current());
    }

    /**
     * Returns this provenance with another thread count, for a count chosen once the run started.
     *
     * @param threads the engine's compute threads
     */
    public RunProvenance withComputeThreads(int threads) {
        return new RunProvenance(mnistlabVersion, data, threads, machine);
    }
}
