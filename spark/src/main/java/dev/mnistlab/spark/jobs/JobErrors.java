package dev.mnistlab.spark.jobs;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.AnalysisException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns a job's failure into one line and an exit code: 2 for bad usage or input (wherever it was
 * found: on the driver, or on an executor, whose exception Spark hands back as the cause of its
 * own), 1 for anything else; the stack trace only with {@code --verbose}.
 */
final class JobErrors implements IExecutionExceptionHandler, IParameterExceptionHandler {

    static final int USAGE = 2;
    static final int FAILURE = 1;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr()
                .println("mnistlab spark: " + e.getMessage() + " (see '"
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
        Optional<InvalidInputException> invalid = cause(e, InvalidInputException.class);
        if (invalid.isPresent()) {
            err.println("mnistlab spark: " + oneLine(named(invalid.get(), command.getParseResult())));
            return USAGE;
        }
        Optional<AnalysisException> analysis = cause(e, AnalysisException.class);
        if (analysis.isPresent()) {
            err.println("mnistlab spark: " + oneLine(analysis.get().getMessage()));
            return USAGE;
        }
        err.println("mnistlab spark: internal error: " + oneLine(String.valueOf(e))
                + (verbose ? "" : " (run with --verbose for details)"));
        return FAILURE;
    }

    /**
     * The Spark API's own parameters that a message can start with, and the options that set them
     * (core's fields are named by {@link #flag}).
     */
    private static final Map<String, String> SPARK_PARAMETERS =
            Map.of("imageColumn", "--image-column", "idColumn", "--id-column", "labelColumn", "--label-column");

    /** The message, with an API field or parameter named as the job's option that sets it. */
    private static String named(InvalidInputException e, ParseResult job) {
        if (e.field().isPresent()) {
            return e.messageNaming(optionOf(job, e.field().get()));
        }
        String message = e.getMessage();
        for (Map.Entry<String, String> parameter : SPARK_PARAMETERS.entrySet()) {
            if (message.startsWith(parameter.getKey() + " ")) {
                return parameter.getValue()
                        + message.substring(parameter.getKey().length());
            }
        }
        return message;
    }

    /**
     * The job's option for a field: the list's plural where the job takes one and it was given
     * ({@code sweep --engines}), else the single option, else the API's name.
     */
    private static String optionOf(ParseResult job, InputField field) {
        String flag = flag(field);
        CommandSpec spec = job.commandSpec();
        boolean plural = spec.findOption(flag + "s") != null
                && (job.hasMatchedOption(flag + "s") || spec.findOption(flag) == null);
        if (plural) {
            return flag + "s";
        }
        return spec.findOption(flag) != null ? flag : field.apiName();
    }

    private static String flag(InputField field) {
        return switch (field) {
            case MODEL_FOLDER, ARCHITECTURE -> "--model";
            case DATA_FOLDER -> "--data-dir";
            case OUTPUT_FOLDER -> "--output";
            default ->
                "--" + field.apiName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        };
    }

    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    private static String oneLine(String message) {
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
