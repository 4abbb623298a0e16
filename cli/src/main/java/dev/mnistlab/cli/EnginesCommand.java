package dev.mnistlab.cli;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.mnistlab.Plural;
import dev.mnistlab.backend.Backend;
import dev.mnistlab.backend.BackendInfo;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.backend.DeviceChoice;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mnistlab engines}: the backends on the class path, their versions, devices and threads. */
@Command(
        name = "engines",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        header = "List the engines mnistlab can train on: versions, devices and threads.",
        description = {
            "List the engines mnistlab can train on: versions, devices and threads. Loads each "
                    + "engine's bundled native library (nothing is downloaded).",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  mnistlab engines",
            "  mnistlab engines --json     # for scripts: versions, devices, GPU count, threads"
        })
final class EnginesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = common.text(spec);
        Properties bundledVersions = VersionProvider.recorded();
        Map<String, Backend> backends = Backends.available();
        JsonArray engines = new JsonArray();
        int loaded = 0;
        for (String name : backends.keySet()) {
            out.println(name + (name.equals(Backends.DEFAULT) ? " (default)" : ""));
            JsonObject engine = new JsonObject();
            engine.addProperty("name", name);
            engine.addProperty("default", name.equals(Backends.DEFAULT));
            engines.add(engine);
            try {
                Backend backend = Backends.get(name);
                BackendInfo info = backend.describe();
                engine.add("info", new Gson().toJsonTree(info));
                out.printf(
                        Locale.ROOT,
                        "  engine   %s %s (%s build), DJL %s%n",
                        info.engineName(),
                        info.engineVersion(),
                        info.nativeFlavor(),
                        info.djlVersion());
                out.printf(
                        Locale.ROOT,
                        "  devices  %s (%s)%n",
                        String.join(", ", info.devices()),
                        Plural.count(info.gpuCount(), "GPU"));
                DeviceChoice.unseenGpuNotice(backend)
                        .ifPresent(notice -> out.printf(Locale.ROOT, "  note     %s%n", notice));
                out.printf(Locale.ROOT, "  threads  %s%n", info.threads());
                String artifact = VersionProvider.NATIVE_ARTIFACTS.get(name);
                String bundled = bundledVersions.getProperty(name);
                if (artifact != null && bundled != null) {
                    out.printf(
                            Locale.ROOT,
                            "  natives  %s %s%s%n",
                            artifact,
                            bundled,
                            bundled.equals(info.engineVersion())
                                    ? ""
                                    : " (the Maven artifact's version; the library calls itself " + info.engineVersion()
                                            + ")");
                }
                loaded++;
            } catch (RuntimeException | UnsatisfiedLinkError e) {
                out.println("  unavailable: " + e.getMessage());
                engine.addProperty("unavailable", e.getMessage());
            }
        }
        if (backends.isEmpty()) {
            out.println("No engine on the class path: add mnistlab-backend-pytorch or mnistlab-backend-mxnet.");
        }
        out.flush();
        JsonObject result = new JsonObject();
        result.add("engines", engines);
        common.printJson(spec, () -> result);
        return loaded > 0 ? 0 : ErrorReporter.FAILURE;
    }
}
