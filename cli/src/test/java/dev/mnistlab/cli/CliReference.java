package dev.mnistlab.cli;

import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** Writes a command's synopsis and options as Markdown, from the same picocli model that prints {@code --help}. */
final class CliReference {

    private CliReference() {}

    /** Returns the synopsis in a code block and a table of the arguments and options, each with its help text. */
    static String options(CommandSpec spec) {
        StringBuilder markdown = new StringBuilder("```\n")
                .append(new Help(spec, Help.defaultColorScheme(Help.Ansi.OFF))
                        .synopsis(0)
                        .strip())
                .append("\n```\n\n| option | meaning |\n|---|---|\n");
        for (PositionalParamSpec parameter : spec.positionalParameters()) {
            markdown.append(row(parameter.paramLabel(), parameter.description()));
        }
        for (OptionSpec option : spec.options()) {
            String names = String.join(", ", option.names());
            String label = option.arity().max() > 0 ? " " + option.paramLabel() : "";
            markdown.append(row(names + label, option.description()));
        }
        return markdown.toString();
    }

    private static String row(String name, String[] description) {
        String text = String.join(" ", description).replace("|", "\\|");
        return "| `" + name + "` | " + text + " |\n";
    }
}
