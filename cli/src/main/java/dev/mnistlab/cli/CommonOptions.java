package dev.mnistlab.cli;

import picocli.CommandLine.Option;

/** Options every subcommand takes. */
final class CommonOptions {

    @Option(names = "--verbose", description = "Show engine logs, and stack traces on errors.")
    boolean verbose;
}
