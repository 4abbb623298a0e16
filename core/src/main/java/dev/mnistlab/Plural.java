package dev.mnistlab;

import java.util.Locale;

/**
 * Counts things in words, for messages and reports: {@code 1 image}, {@code 3 images},
 * {@code 60,000 images}, {@code 1 batch}, {@code 40 batches}.
 */
public final class Plural {

    private Plural() {}

    /**
     * Returns the count and the noun, with an "s" unless the count is 1.
     *
     * @param count how many
     * @param noun the singular, e.g. {@code "image"}
     */
    public static String count(long count, String noun) {
        return count(count, noun, noun + "s");
    }

    /**
     * Returns the count and the noun, in the given plural unless the count is 1.
     *
     * @param count how many
     * @param noun the singular, e.g. {@code "batch"}
     * @param plural the plural, e.g. {@code "batches"}
     */
    public static String count(long count, String noun, String plural) {
        return String.format(Locale.ROOT, "%,d %s", count, count == 1 ? noun : plural);
    }
}
