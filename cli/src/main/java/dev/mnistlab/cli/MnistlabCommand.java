package dev.mnistlab.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.TypeConversionException;

/** The top-level {@code mnistlab} command: only subcommands, each in a class of its own. */
@Command(
        name = "mnistlab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Train, evaluate and compare MNIST-style classifiers on DJL, with the engine chosen by a flag.",
            ""
        },
        subcommands = {
            TrainCommand.class,
            EvaluateCommand.class,
            PredictCommand.class,
            ShowCommand.class,
            CompareCommand.class,
            ServeCommand.class,
            EnginesCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Examples:",
            "  mnistlab train --data-dir ../shared/data/mnist",
            "  mnistlab train --engine mxnet --model cnn --epochs 1 --output runs/cnn-mx",
            "  mnistlab compare --data-dir ../shared/data/mnist --output cmp",
            "  mnistlab engines",
            "",
            "Exit codes: 0 success, 2 bad usage or input, 1 internal failure."
        })
public final class MnistlabCommand {

    /** Builds the command line with mnistlab's error handling and exit codes. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new MnistlabCommand());
        ErrorReporter errors = new ErrorReporter();
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        commandLine.registerConverter(Path.class, MnistlabCommand::nonEmptyPath);
        return commandLine;
    }

    /** An empty path would mean the current folder, which no one means by typing {@code ''}. */
    private static Path nonEmptyPath(String value) {
        if (value.isEmpty()) {
            throw new TypeConversionException("the path is empty; give a file or folder name");
        }
        return Path.of(value);
    }
}
