package dev.mnistlab.cli;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.model.ModelFolder;
import dev.mnistlab.serve.MnistlabServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mnistlab serve}: the HTTP prediction service and its draw-a-digit page. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        header = "Serve saved models over HTTP, with a page to draw digits on.",
        description = {
            "Serve model folders over HTTP: DJL Serving's API (POST /predictions/NAME with an image;"
                    + " GET/POST/DELETE /models), KServe's v2 protocol (POST /v2/models/NAME/infer), Prometheus"
                    + " metrics at /metrics, and a page at / where you draw a digit and watch the model answer."
                    + " Requests that arrive together run as one batch. Ctrl-C or SIGTERM stops it cleanly:"
                    + " requests in flight are answered first. docs/serving.md has every endpoint.",
            ""
        },
        footer = {
            "",
            "Examples:",
            "  mnistlab serve --model runs/cnn",
            "  mnistlab serve --model digits=runs/cnn --model fashion=runs/fashion --port 9000",
            "  curl -s -T seven.png http://127.0.0.1:8080/predictions/cnn",
            "  mnistlab serve --model runs/cnn --model-store runs     # lets clients POST /models?url=NAME"
        })
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", description = "Show engine and server logs, and stack traces on errors.")
    boolean verbose;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "[NAME=]DIR",
            description = "A model folder to serve, under NAME (default: the folder's name); repeat for more.")
    List<String> models;

    @Option(
            names = "--engine",
            defaultValue = Backends.DEFAULT,
            paramLabel = "NAME",
            description = "Engine: pytorch or mxnet (default: ${DEFAULT-VALUE}).")
    String engine;

    @Mixin
    ThreadsOption threads;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for all).")
    String host;

    @Option(
            names = "--port",
            defaultValue = "8080",
            paramLabel = "N",
            description = "Port, or 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--max-batch-size",
            defaultValue = "32",
            paramLabel = "N",
            description = "Most images in one forward pass (default: ${DEFAULT-VALUE}).")
    int maxBatchSize;

    @Option(
            names = "--max-batch-delay-ms",
            defaultValue = "5",
            paramLabel = "MS",
            description = "How long a batch waits for more requests (default: ${DEFAULT-VALUE}).")
    long maxBatchDelayMillis;

    @Option(
            names = "--max-queue",
            defaultValue = "256",
            paramLabel = "N",
            description = "Requests that may wait per model; more are answered 503 (default: ${DEFAULT-VALUE}).")
    int maxQueue;

    @Option(
            names = "--model-store",
            paramLabel = "DIR",
            description = "A folder clients may load model folders from with POST /models?url=... (default:"
                    + " none, so they cannot); repeat for more.")
    List<Path> modelStore = List.of();

    @Option(
            names = "--max-body-bytes",
            defaultValue = "67108864",
            paramLabel = "N",
            description = "Largest request body (default: ${DEFAULT-VALUE}, the limit of predict).")
    long maxBodyBytes;

    @Option(
            names = "--idle-timeout-s",
            defaultValue = "30",
            paramLabel = "S",
            description = "Close connections silent this long (default: ${DEFAULT-VALUE}).")
    long idleTimeoutSeconds;

    @Option(
            names = "--stop-timeout-s",
            defaultValue = "10",
            paramLabel = "S",
            description = "On stop, wait this long for requests in flight (default: ${DEFAULT-VALUE}).")
    long stopTimeoutSeconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        MnistlabServer.Builder builder = MnistlabServer.builder()
                .optEngine(engine)
                .optThreads(threads.parsed())
                .optHost(host)
                .optPort(port)
                .optMaxBatchSize(maxBatchSize)
                .optMaxBatchDelay(Duration.ofMillis(maxBatchDelayMillis))
                .optMaxQueue(maxQueue)
                .optMaxBodyBytes(maxBodyBytes)
                .optIdleTimeout(Duration.ofSeconds(idleTimeoutSeconds))
                .optStopTimeout(Duration.ofSeconds(stopTimeoutSeconds));
        for (String model : models) {
            addModel(builder, model);
        }
        modelStore.forEach(builder::optModelStore);
        StopSignals signals = StopSignals.install();
        PrintWriter out = spec.commandLine().getOut();
        try (MnistlabServer server = builder.start()) {
            out.println("Serving " + String.join(", ", server.modelNames()) + " on " + server.uri());
            out.println("Draw a digit at " + server.uri() + " ; POST images to " + server.uri() + "predictions/"
                    + server.modelNames().get(0) + " ; Ctrl-C stops");
            out.flush();
            String signal = signals.await();
            out.println("SIG" + signal + ": answering the requests in flight, then stopping");
            out.flush();
        }
        out.println("Stopped");
        return 0;
    }

    /** Adds {@code NAME=DIR} or {@code DIR} (named after the folder). */
    private static void addModel(MnistlabServer.Builder builder, String spec) {
        int equals = spec.indexOf('=');
        Path whole = Path.of(spec);
        if (equals < 0 || Files.exists(whole.resolve(ModelFolder.DESCRIPTOR_FILE))) {
            Path name = whole.toAbsolutePath().normalize().getFileName();
            if (name == null) {
                throw new InvalidInputException(
                        InputField.MODEL_NAME, "modelName cannot be taken from '" + spec + "'; write NAME=" + spec);
            }
            builder.addModel(name.toString(), whole);
        } else {
            builder.addModel(spec.substring(0, equals), Path.of(spec.substring(equals + 1)));
        }
    }
}
