package dev.mnistlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reports the versions of mnistlab, DJL and the bundled engines, as recorded at build time. */
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
            "DJL " + versions.getProperty("djl", "unknown") + ", Java " + Runtime.version(),
            "engines bundled: pytorch-native-cpu " + versions.getProperty("pytorch", "unknown")
                    + ", mxnet-native-mkl " + versions.getProperty("mxnet", "unknown")
                    + " ('mnistlab engines' loads them and shows what runs)"
        };
    }
}
