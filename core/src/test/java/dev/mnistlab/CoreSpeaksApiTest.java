package dev.mnistlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core's messages speak the API's language: no string literal in its main sources names a
 * command-line option ({@code --top-k}) or a command ({@code 'mnistlab train'}). Fields are named
 * through {@link InputField}, which front ends map to their own words.
 */
class CoreSpeaksApiTest {

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern FRONT_END_WORD =
            Pattern.compile("(^|[\\s'(])--[a-z]|\\bmnistlab (train|evaluate|predict|show|compare|engines)\\b");

    @Test
    void noStringLiteralNamesAFlagOrACommand() throws IOException {
        Path sources = Path.of("src/main/java");
        assertTrue(Files.isDirectory(sources), "run from the core module: " + sources.toAbsolutePath());
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher literal = LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    if (FRONT_END_WORD.matcher(literal.group(1)).find()) {
                        offenders.add(file.getFileName() + ": \"" + literal.group(1) + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }
}
