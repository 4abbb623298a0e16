package dev.mnistlab.cli;

import com.google.gson.JsonElement;
import dev.mnistlab.files.FiniteJson;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** Options every subcommand takes, and the console output they shape. */
final class CommonOptions {

    @Option(names = "--verbose", description = "Show engine logs, and stack traces on errors.")
    boolean verbose;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress bars, progress lines or per-epoch lines; results and errors still print.")
    boolean quiet;

    @Option(
            names = "--json",
            description = "Print the result as one JSON object on standard output, and nothing else there"
                    + " (progress goes to standard error).")
    boolean json;

    /**
     * Returns the progress display for this command: a live bar on a terminal, plain lines in logs,
     * nothing with {@code --quiet}; epoch lines go to standard output, or standard error with {@code --json}.
     */
    ConsoleProgress progress(CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter epochLines = quiet ? null : json ? err : spec.commandLine().getOut();
        return new ConsoleProgress(
                epochLines,
                new ProgressLine(err, ProgressLine.Mode.detect(quiet), System::nanoTime, TerminalWidth::columns));
    }

    /** Returns where the command's human-readable report goes: standard output, or nowhere with {@code --json}. */
    PrintWriter text(CommandSpec spec) {
        return json ? new PrintWriter(Writer.nullWriter()) : spec.commandLine().getOut();
    }

    /**
     * Prints the command's result as pretty JSON on standard output, if {@code --json} was given;
     * the result is only made then.
     */
    void printJson(CommandSpec spec, Supplier<? extends JsonElement> result) {
        if (json) {
            PrintWriter out = spec.commandLine().getOut();
            out.println(FiniteJson.toJson(result.get()));
            out.flush();
        }
    }
}
