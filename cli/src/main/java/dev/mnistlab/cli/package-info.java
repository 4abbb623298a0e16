/**
 * The {@code mnistlab} command line: one picocli class per subcommand over {@code mnistlab-core};
 * errors map to exit codes in {@link dev.mnistlab.cli.ErrorReporter} only.
 */
package dev.mnistlab.cli;
