package dev.mnistlab.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps a generated section of a Markdown document equal to what the build makes (an example's
 * source, a reference generated from code), so the docs cannot drift.
 *
 * <p>The section sits between {@code <!-- begin NAME -->} and {@code <!-- end NAME -->}. A test
 * fails when it differs; run the tests with {@code -Dmnistlab.updateDocs=true} to rewrite it.
 */
public final class DocSection {

    /** The system property that rewrites sections instead of checking them. */
    public static final String UPDATE_PROPERTY = "mnistlab.updateDocs";

    private DocSection() {}

    /**
     * Checks (or, with {@value #UPDATE_PROPERTY}, rewrites) a section.
     *
     * @param doc the Markdown file
     * @param name the section's name in its markers
     * @param expected the section's content, ending with a newline
     */
    public static void assertCurrent(Path doc, String name, String expected) throws IOException {
        String text = Files.readString(doc);
        String begin = "<!-- begin " + name + " -->\n";
        String end = "<!-- end " + name + " -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertTrue(
                from >= 0 && to > from, doc + " has no section '" + name + "' (" + begin.strip() + " ... " + end + ")");
        String current = text.substring(from + begin.length(), to);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.writeString(doc, text.substring(0, from + begin.length()) + expected + text.substring(to));
            return;
        }
        assertEquals(
                expected,
                current,
                "section '" + name + "' of " + doc + " is out of date; run the tests with -D" + UPDATE_PROPERTY
                        + "=true to rewrite it");
    }
}
