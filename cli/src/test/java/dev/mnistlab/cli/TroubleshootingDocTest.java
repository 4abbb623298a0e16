package dev.mnistlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mnistlab.InputField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/troubleshooting.md lists every message a user can get: for each place in the main sources
 * that raises an {@code InvalidInputException}, the longest literal part of its message must be on
 * the page, as the command line shows it (a field's API name at its start replaced by the flag).
 */
class TroubleshootingDocTest {

    private static final Path DOC = Path.of("../docs/troubleshooting.md");
    private static final List<Path> SOURCES = List.of(
            Path.of("../core/src/main/java"),
            Path.of("src/main/java"),
            Path.of("../pictures/src/main/java"),
            Path.of("../compare/src/main/java"),
            Path.of("../serve/src/main/java"),
            Path.of("../spark/src/main/java"),
            Path.of("../backend-pytorch/src/main/java"),
            Path.of("../backend-mxnet/src/main/java"));
    private static final Pattern RAISE = Pattern.compile("new InvalidInputException\\(|throw invalid\\(file, ");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void everyMessageIsExplained() throws IOException {
        String doc = Files.readString(DOC);
        List<String> missing = new ArrayList<>();
        int messages = 0;
        for (Path root : SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    Matcher raise = RAISE.matcher(source);
                    while (raise.find()) {
                        String fragment =
                                longestLiteral(source.substring(raise.end(), statementEnd(source, raise.end())));
                        if (!fragment.isEmpty()) {
                            messages++;
                            if (!doc.contains(fragment) && !doc.contains(asShown(fragment))) {
                                missing.add(file.getFileName() + ": \"" + fragment + "\"");
                            }
                        }
                    }
                }
            }
        }
        assertTrue(messages > 50, "found only " + messages + " messages; has the code moved?");
        assertEquals(List.of(), missing, "messages missing from " + DOC);
    }

    private static String asShown(String fragment) {
        for (InputField field : InputField.values()) {
            if (fragment.startsWith(field.apiName())) {
                return FieldFlags.flag(field)
                        + fragment.substring(field.apiName().length());
            }
        }
        return fragment;
    }

    private static int statementEnd(String source, int from) {
        int end = source.indexOf(";\n", from);
        return end < 0 ? source.length() : end;
    }

    /** The message's longest literal part, without format placeholders and trimmed of spaces and punctuation. */
    private static String longestLiteral(String call) {
        Matcher literal = LITERAL.matcher(call);
        List<String> parts = new ArrayList<>();
        while (literal.find()) {
            for (String piece : literal.group(1).split("%[0-9]*[a-z]", -1)) {
                parts.add(piece.replaceAll("^[\\s:;,.(]+|[\\s:;,.(]+$", ""));
            }
        }
        return parts.stream()
                .max(Comparator.comparingInt(String::length))
                .filter(part -> part.length() >= 6)
                .orElse("");
    }
}
