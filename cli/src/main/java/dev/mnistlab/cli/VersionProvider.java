package dev.mnistlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reports mnistlab's and DJL's versions, as recorded at build time. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties versions = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/mnistlab-version.properties")) {
            if (in != null) {
                versions.load(in);
            }
        }
        return new String[] {
            "mnistlab " + versions.getProperty("version", "unknown"),
            "DJL " + versions.getProperty("djl", "unknown") + ", Java " + Runtime.version()
        };
    }
}
