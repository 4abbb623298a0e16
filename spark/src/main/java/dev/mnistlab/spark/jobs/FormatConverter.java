package dev.mnistlab.spark.jobs;

import dev.mnistlab.spark.OutputFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --format} as users type it: parquet, json or csv. */
final class FormatConverter implements ITypeConverter<OutputFormat> {

    @Override
    public OutputFormat convert(String value) {
        for (OutputFormat format : OutputFormat.values()) {
            if (format.toString().equals(value.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new TypeConversionException("'" + value + "' is not a format; use one of "
                + Arrays.stream(OutputFormat.values()).map(Object::toString).collect(Collectors.joining(", ")));
    }
}
