package dev.mnistlab.pictures;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * A {@link NumberFormat} for chart labels, which JFreeChart's axes and item labels take: a subclass
 * says how one value is printed; labels are never parsed back.
 */
public abstract class LabelFormat extends NumberFormat {

    private static final long serialVersionUID = 1L;

    /**
     * Returns the label of a value.
     *
     * @param value the value on the axis or of the item
     */
    protected abstract String label(double value);

    @Override
    public final StringBuffer format(double value, StringBuffer target, FieldPosition position) {
        return target.append(label(value));
    }

    @Override
    public final StringBuffer format(long value, StringBuffer target, FieldPosition position) {
        return target.append(label((double) value));
    }

    @Override
    public final Number parse(String source, ParsePosition position) {
        throw new UnsupportedOperationException("labels are only printed");
    }
}
