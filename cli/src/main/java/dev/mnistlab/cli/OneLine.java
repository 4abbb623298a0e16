package dev.mnistlab.cli;

import java.util.Locale;

/**
 * Keeps a message on one line whatever it quotes: a file name may hold a line break or a tab, which
 * would split one error into two lines or let a name forge a line of its own. Control characters
 * are written as escapes ({@code \n}, {@code \t}, {@code \u001b}).
 */
final class OneLine {

    private OneLine() {}

    /** Returns the text with every control character escaped. */
    static String of(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        line.append(String.format(Locale.ROOT, "\\u%04x", c));
                    } else {
                        line.appendCodePoint(c);
                    }
                }
            }
        });
        return line.toString();
    }
}
