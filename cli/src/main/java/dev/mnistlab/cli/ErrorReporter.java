package dev.mnistlab.cli;

import dev.mnistlab.InvalidInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Maps every failure to one line on standard error and an exit code: 2 for bad usage or input
 * (a picocli parse error or an {@link InvalidInputException}), 1 for the machine's files (a full
 * disk, a folder that cannot be written) and for anything else. Stack traces only with
 * {@code --verbose}. A failure while the JVM is stopping (Ctrl-C, SIGTERM) is the stop's doing,
 * not news, and says nothing: the command's stop notice has spoken.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    static final int USAGE = 2;
    static final int FAILURE = 1;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        String suggestion = "";
        if (e instanceof UnmatchedArgumentException unmatched
                && !unmatched.getSuggestions().isEmpty()) {
            suggestion = "; did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?";
        }
        command.getErr()
                .println(OneLine.of("mnistlab: " + e.getMessage() + suggestion + " (see '"
                        + command.getCommandSpec().qualifiedName() + " --help')"));
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
        if (jvmStopping()) {
            return FAILURE;
        }
        if (e instanceof InvalidInputException invalid) {
            err.println(OneLine.of("mnistlab: " + FieldFlags.message(invalid, command.getCommandSpec())));
            return USAGE;
        }
        if (e instanceof InvalidPathException path) {
            err.println(OneLine.of("mnistlab: the file name '" + path.getInput() + "' cannot be used here ("
                    + path.getReason() + "); run under a UTF-8 locale (LC_ALL=C.UTF-8) or rename the file"));
            return USAGE;
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            err.println(OneLine.of("mnistlab: " + describe(e) + (verbose ? "" : " (run with --verbose for details)")));
            return FAILURE;
        }
        if (isNativeOutOfMemory(e)) {
            err.println(OneLine.of(outOfMemory("the engine could not allocate memory")));
            return FAILURE;
        }
        err.println(
                OneLine.of("mnistlab: internal error: " + e + (verbose ? "" : " (run with --verbose for details)")));
        return FAILURE;
    }

    /** True once the JVM runs its shutdown hooks, the only time it refuses a new one. */
    private static boolean jvmStopping() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException stopping) {
            return true;
        }
    }

    /** The one line for running out of memory, in Java's heap or in an engine. */
    static String outOfMemory(String what) {
        return "mnistlab: out of memory (" + what + "); use a smaller model or --batch-size, or give Java more heap"
                + " (JAVA_TOOL_OPTIONS=-Xmx8g) where the heap ran out";
    }

    /** Engines report a failed allocation as their own exception, with the allocator's words. */
    private static boolean isNativeOutOfMemory(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("can't allocate memory")
                    || message.contains("bad_alloc")
                    || message.contains("Failed to allocate")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Says what went wrong with the machine's files: the message, and the file system's reason when
     * it is not already part of it (a full disk, a missing permission).
     */
    private static String describe(Exception e) {
        Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
        String message = e.getMessage();
        if (cause instanceof FileSystemException fileSystem) {
            String reason = fileSystem.getReason() != null
                    ? fileSystem.getReason()
                    : fileSystem instanceof NoSuchFileException
                            ? "no such file or folder"
                            : fileSystem instanceof AccessDeniedException
                                    ? "permission denied"
                                    : fileSystem instanceof FileAlreadyExistsException ? "already exists" : null;
            if (reason != null && !message.contains(reason)) {
                message += " (" + reason + ")";
            }
        }
        return "could not read or write a file: " + message;
    }
}
