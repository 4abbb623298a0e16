package dev.mnistlab.backend;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The backends on the class path, by name.
 *
 * <p>The first look-up settles one DJL property before any engine loads: native libraries come
 * from the bundled jars and are never downloaded ({@code ai.djl.offline=true}, unless the caller set
 * the property before). Nothing else JVM-wide is changed: DJL's default engine stays as the app
 * left it, because mnistlab names the engine wherever it makes a model or a manager, so models on
 * different engines work side by side in one JVM.
 */
public final class Backends {

    /** The engine used when the user names none. */
    public static final String DEFAULT = "pytorch";

    /** DJL's switch that forbids downloading native libraries. */
    public static final String OFFLINE_PROPERTY = "ai.djl.offline";

    /** The backends mnistlab publishes, by the name users type: their Maven artifacts. */
    private static final Map<String, String> ARTIFACTS = new TreeMap<>(Map.of(
            "pytorch", "dev.mnistlab:mnistlab-backend-pytorch",
            "mxnet", "dev.mnistlab:mnistlab-backend-mxnet"));

    private Backends() {}

    /** Returns every backend found on the class path, sorted by name: one instance each per JVM. */
    public static Map<String, Backend> available() {
        return Found.BACKENDS;
    }

    /** The backends, looked up once: a backend's engine and native settings are per JVM too. */
    private static final class Found {
        static final Map<String, Backend> BACKENDS = lookUp();

        private Found() {}

        private static Map<String, Backend> lookUp() {
            Map<String, Backend> found = new TreeMap<>();
            for (Backend backend : ServiceLoader.load(Backend.class, Backends.class.getClassLoader())) {
                found.put(backend.name(), backend);
            }
            return Collections.unmodifiableMap(found);
        }
    }

    /**
     * Returns the backend of that name.
     *
     * @param name the name users type, e.g. {@code pytorch}
     * @throws InvalidInputException naming the available backends if there is none of that name
     */
    public static Backend get(String name) {
        Map<String, Backend> found = available();
        Backend backend = found.get(name.toLowerCase(Locale.ROOT));
        if (backend == null) {
            throw new InvalidInputException(InputField.ENGINE, missing(name, found.keySet()));
        }
        OfflineNatives.settle();
        return backend;
    }

    /** Sets {@value #OFFLINE_PROPERTY} once, before the first engine loads, unless it is set. */
    private static final class OfflineNatives {
        static {
            if (System.getProperty(OFFLINE_PROPERTY) == null) {
                System.setProperty(OFFLINE_PROPERTY, "true");
            }
        }

        private OfflineNatives() {}

        /** Runs the class's initialiser, once per JVM. */
        static void settle() {}
    }

    private static String missing(String name, Set<String> found) {
        String here = found.isEmpty()
                ? "no engine is on the class path"
                : "available engines are " + String.join(", ", found);
        if (ARTIFACTS.containsKey(name)) {
            return "engine '" + name + "' is not on the class path; add the Maven artifact " + ARTIFACTS.get(name)
                    + " (" + here + ")";
        }
        String add = found.isEmpty() ? "; add " + String.join(" or ", ARTIFACTS.values()) : "";
        return "engine '" + name + "' is unknown: " + here + add;
    }
}
