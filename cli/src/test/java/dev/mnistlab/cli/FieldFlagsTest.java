package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mnistlab.InputField;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every field core can name in a message is set by an option that some command really has. */
class FieldFlagsTest {

    @Test
    void everyFieldMapsToAnExistingOption() {
        Set<String> options = new TreeSet<>();
        for (CommandLine command :
                MnistlabCommand.commandLine().getSubcommands().values()) {
            command.getCommandSpec().options().forEach(option -> options.addAll(List.of(option.names())));
        }
        List<String> missing = new ArrayList<>();
        for (InputField field : InputField.values()) {
            if (!options.contains(FieldFlags.flag(field))) {
                missing.add(field + " -> " + FieldFlags.flag(field));
            }
        }
        assertEquals(List.of(), missing);
    }
}
