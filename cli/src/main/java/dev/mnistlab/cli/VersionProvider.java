package dev.mnistlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reports the versions of mnistlab, DJL and the bundled engines, as recorded at build time. */
final class VersionProvider implements IVersionProvider {

    /** The Maven artifact of each engine's bundled natives, by engine name. */
    static final Map<String, String> NATIVE_ARTIFACTS =
            Map.of("pytorch", "pytorch-native-cpu", "mxnet", "mxnet-native-mkl");

    /** Returns the versions recorded at build time: {@code version}, {@code djl}, and one per engine name. */
    static Properties recorded() throws IOException {
        Properties versions = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/mnistlab-version.properties")) {
            if (in != null) {
                versions.load(in);
            }
        }
        return versions;
    }

    @Override
    public String[] getVersion() throws IOException {
        Properties versions = recorded();
        return new String[] {
            "mnistlab " + versions.getProperty("version", "unknown"),
            "DJL " + versions.getProperty("djl", "unknown") + ", Java " + Runtime.version(),
            "engines bundled: pytorch-native-cpu " + versions.getProperty("pytorch", "unknown")
                    + ", mxnet-native-mkl " + versions.getProperty("mxnet", "unknown")
                    + " (the artifacts' versions; 'mnistlab engines' loads them and shows what each library reports)"
        };
    }
}
