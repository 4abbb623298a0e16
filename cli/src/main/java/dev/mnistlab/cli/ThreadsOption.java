package dev.mnistlab.cli;

import dev.mnistlab.backend.ComputeThreads;
import picocli.CommandLine.Option;

/** {@code --threads} of the commands that run a saved model ({@code evaluate}, {@code predict}, {@code show}, {@code serve}). */
final class ThreadsOption {

    @Option(
            names = "--threads",
            defaultValue = "auto",
            paramLabel = "N",
            description = "Engine compute threads: a count or auto (default: ${DEFAULT-VALUE}: 1 for small models"
                    + " like the mlp; else every core on pytorch, the cores left free on mxnet).")
    String threads;

    /** Returns the count asked for; core checks it. */
    ComputeThreads parsed() {
        return ComputeThreads.parse(threads);
    }
}
