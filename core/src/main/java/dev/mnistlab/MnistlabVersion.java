package dev.mnistlab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of mnistlab that is running, as the build recorded it; saved with every result. */
public final class MnistlabVersion {

    private static final String VERSION = read();

    private MnistlabVersion() {}

    /** Returns the version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = MnistlabVersion.class.getResourceAsStream("mnistlab.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
