package dev.mnistlab.backend;

import dev.mnistlab.InvalidInputException;
import java.util.Map;
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
            String choices = found.isEmpty()
                    ? "none is on the class path; add mnistlab-backend-pytorch or mnistlab-backend-mxnet"
                    : "available engines are " + String.join(", ", found.keySet());
            throw new InvalidInputException("unknown engine '" + name + "': " + choices);
        }
        if (System.getProperty(OFFLINE_PROPERTY) == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
        System.setProperty(DEFAULT_ENGINE_PROPERTY, backend.engineName());
        return backend;
    }
}
