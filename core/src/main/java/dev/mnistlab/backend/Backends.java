package dev.mnistlab.backend;

import dev.mnistlab.InvalidInputException;
import java.util.Map;
import java.util.Set;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The backends on the class path, by name.
 *
 * <p>Looking a backend up also settles two DJL properties before any engine loads: native libraries
 * come from the bundled jars and are never downloaded ({@code ai.djl.offline=true}, unless the user
 * set the property), and DJL's default engine is the chosen one, so nothing falls back to another
 * engine that happens to be on the class path.
 */
public final class Backends {

    /** The engine used when the user names none. */
    public static final String DEFAULT = "pytorch";

    /** DJL's switch that forbids downloading native libraries. */
    public static final String OFFLINE_PROPERTY = "ai.djl.offline";

    private static final String DEFAULT_ENGINE_PROPERTY = "ai.djl.default_engine";

    /** The backends mnistlab publishes, by the name users type: their Maven artifacts. */
    private static final Map<String, String> ARTIFACTS = new TreeMap<>(Map.of(
            "pytorch", "dev.mnistlab:mnistlab-backend-pytorch",
            "mxnet", "dev.mnistlab:mnistlab-backend-mxnet"));

    private Backends() {}

    /** Returns every backend found on the class path, sorted by name. */
    public static Map<String, Backend> available() {
        Map<String, Backend> found = new TreeMap<>();
        for (Backend backend : ServiceLoader.load(Backend.class)) {
            found.put(backend.name(), backend);
        }
        return found;
    }

    /**
     * Returns the backend of that name and makes its engine DJL's default.
     *
     * @param name the name users type, e.g. {@code pytorch}
     * @throws InvalidInputException naming the available backends if there is none of that name
     */
    public static Backend get(String name) {
        Map<String, Backend> found = available();
        Backend backend = found.get(name);
        if (backend == null) {
            throw new InvalidInputException(missing(name, found.keySet()));
        }
        if (System.getProperty(OFFLINE_PROPERTY) == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
        System.setProperty(DEFAULT_ENGINE_PROPERTY, backend.engineName());
        return backend;
    }

    private static String missing(String name, Set<String> found) {
        String here = found.isEmpty() ? "no engine is on the class path" : "available engines are "
                + String.join(", ", found);
        if (ARTIFACTS.containsKey(name)) {
            return "engine '" + name + "' is not on the class path; add the Maven artifact " + ARTIFACTS.get(name)
                    + " (" + here + ")";
        }
        String add = found.isEmpty() ? "; add " + String.join(" or ", ARTIFACTS.values()) : "";
        return "unknown engine '" + name + "': " + here + add;
    }
}
