package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mnistlab.testing.DocSection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Every command's help teaches, and docs/cli.md shows every command's options as the code declares them. */
class CliReferenceTest {

    private static final Path CLI_DOC = Path.of("../docs/cli.md");

    private static Map<String, CommandLine> commands() {
        return MnistlabCommand.commandLine().getSubcommands();
    }

    private static boolean documented(CommandLine command) {
        return !command.getCommandSpec().usageMessage().hidden()
                && !command.getCommandName().equals("help");
    }

    @Test
    void everyCommandHasADescriptionDefaultsAndExamples() {
        List<String> problems = new ArrayList<>();
        for (CommandLine command : commands().values()) {
            if (!documented(command)) {
                continue;
            }
            CommandSpec spec = command.getCommandSpec();
            String name = spec.qualifiedName();
            if (String.join("", spec.usageMessage().description()).length() < 40) {
                problems.add(name + " has no description");
            }
            long examples = List.of(spec.usageMessage().footer()).stream()
                    .filter(line -> line.startsWith("  mnistlab "))
                    .count();
            if (examples < 2) {
                problems.add(name + " shows " + examples + " examples; give two or three");
            }
            for (OptionSpec option : spec.options()) {
                if (option.usageHelp()
                        || option.versionHelp()
                        || option.required()
                        || option.arity().max() == 0) {
                    continue;
                }
                String description = String.join(" ", option.description());
                if (!description.contains("default")) {
                    problems.add(name + " " + option.longestName() + " does not say its default: " + description);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void cliDocShowsEveryCommandsOptionsAsDeclared() throws IOException {
        for (CommandLine command : commands().values()) {
            if (documented(command)) {
                DocSection.assertCurrent(
                        CLI_DOC, "options " + command.getCommandName(), CliReference.options(command.getCommandSpec()));
            }
        }
    }
}
