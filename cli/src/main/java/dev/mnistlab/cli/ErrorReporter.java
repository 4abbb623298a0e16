package dev.mnistlab.cli;

import dev.mnistlab.InvalidInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Maps every failure to one line on standard error and an exit code: 2 for bad usage or input
 * (a picocli parse error or an {@link InvalidInputException}), 1 for anything else. Stack traces
 * only with {@code --verbose}.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    static final int USAGE = 2;
    static final int FAILURE = 1;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String suggestion = "";
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            suggestion = "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        command.getErr().println("mnistlab: " + e.getMessage() + suggestion + " (see '"
                + command.getCommandSpec().qualifiedName() + " --help')");
        return USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        boolean verbose = false;
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            verbose |= level.hasMatchedOption("--verbose");
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        if (e instanceof InvalidInputException) {
            err.println("mnistlab: " + e.getMessage());
            return USAGE;
        }
        err.println("mnistlab: internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
        return FAILURE;
    }
}
