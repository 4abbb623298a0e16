package dev.mnistlab.compare;

import java.util.Arrays;
import java.util.Locale;

/**
 * A figure measured several times: the median, the smallest and the largest value.
 *
 * @param median the middle value (the mean of the two middle values for an even count)
 * @param min the smallest value
 * @param max the largest value
 * @param count how many values
 */
public record Spread(double median, double min, double max, int count) {

    /** Summarises values; {@code NaN}s are left out. */
    public static Spread of(double... values) {
        double[] sorted = Arrays.stream(values)
                .filter(value -> !Double.isNaN(value))
                .sorted()
                .toArray();
        if (sorted.length == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(median, sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    /** Formats the median, with the range where there is more than one value. */
    public String format(Figure figure) {
        if (count < 2) {
            return figure.format(median);
        }
        return String.format(Locale.ROOT, "%s (%s-%s)", figure.format(median), figure.format(min), figure.format(max));
    }
}
