package dev.mnistlab.serve;

import dev.mnistlab.InputField;
import dev.mnistlab.InvalidInputException;
import dev.mnistlab.backend.Backends;
import dev.mnistlab.backend.ComputeThreads;
import dev.mnistlab.data.ImageFiles;
import dev.mnistlab.model.ModelFolder;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP prediction service: model folders served over DJL Serving's and KServe v2's protocols,
 * with dynamic batching, Prometheus metrics at {@code /metrics} and a draw-a-digit page at {@code /}.
 *
 * <pre>{@code
 * try (MnistlabServer server = MnistlabServer.builder()
 *         .addModel("digits", Path.of("runs/cnn"))
 *         .optPort(0) // any free port
 *         .start()) {
 *     System.out.println("POST images to " + server.uri().resolve("/predictions/digits"));
 *     server.awaitStop();
 * }
 * }</pre>
 *
 * <p>It binds to 127.0.0.1 unless told otherwise. {@link #close()} stops taking requests, answers
 * those in flight (waiting at most the stop timeout), then frees the models.
 */
public final class MnistlabServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MnistlabServer.class);

    private final Javalin javalin;
    private final URI uri;
    private final ModelRegistry registry;
    private final Duration stopTimeout;
    private final Object stopped = new Object();
    private boolean closed;

    private MnistlabServer(Javalin javalin, ModelRegistry registry, Duration stopTimeout) {
        this.javalin = javalin;
        ServerConnector connector =
                (ServerConnector) javalin.jettyServer().server().getConnectors()[0];
        String host = connector.getHost() == null ? "0.0.0.0" : connector.getHost();
        this.uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + javalin.port() + "/");
        this.registry = registry;
        this.stopTimeout = stopTimeout;
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the port the service listens on (the one chosen, when asked for port 0). */
    public int port() {
        return uri.getPort();
    }

    /** Returns the service's base address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        ServerConnector connector =
                (ServerConnector) javalin.jettyServer().server().getConnectors()[0];
        String host = connector.getHost() == null ? "0.0.0.0" : connector.getHost();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port() + "/");
    }

    /** Returns the registry, for tests in this package. */
    ModelRegistry registry() {
        return registry;
    }

    /** Returns the names of the models served now, sorted. */
    public List<String> modelNames() {
        return registry.all().stream().map(ServedModel::name).toList();
    }

    /** Blocks until {@link #close()} has finished, from any thread. */
    public void awaitStop() throws InterruptedException {
        synchronized (stopped) {
            while (!closed) {
                stopped.wait();
            }
        }
    }

    /**
     * Stops taking requests, answers those in flight within the stop timeout, then frees the models.
     * Closing twice does nothing.
     */
    @Override
    public void close() {
        synchronized (stopped) {
            if (closed) {
                return;
            }
        }
        javalin.stop();
        try {
            registry.close(stopTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (stopped) {
            closed = true;
            stopped.notifyAll();
        }
    }

    /**
     * Configures and starts a {@link MnistlabServer}. {@code add*} for what must be given (at least one
     * model), {@code opt*} for what has a default.
     */
    public static final class Builder {

        private static final int HTTP_THREADS_PER_CORE = 4;
        private static final int HTTP_THREADS_AT_LEAST = 16;

        private final Map<String, ModelSource> models = new LinkedHashMap<>();
        private String engine = Backends.DEFAULT;
        private String host = "127.0.0.1";
        private int port = 8080;
        private int maxBatchSize = 32;
        private Duration maxBatchDelay = Duration.ofMillis(5);
        private int maxQueue = 256;
        private final List<Path> modelStore = new ArrayList<>();
        private ComputeThreads threads = ComputeThreads.AUTO;
        private Duration idleTimeout = Duration.ofSeconds(30);
        private Duration stopTimeout = Duration.ofSeconds(10);
        private long maxBodyBytes = ImageFiles.MAX_FILE_BYTES;

        private record ModelSource(Path folder, String engine) {}

        private Builder() {}

        /** Serves a model folder under a name, on the default engine. */
        public Builder addModel(String name, Path folder) {
            return addModel(name, folder, null);
        }

        /**
         * Serves a model folder under a name, on an engine.
         *
         * @param engine a backend's name, or null for the default engine
         * @throws InvalidInputException if the name is not valid or already given
         */
        public Builder addModel(String name, Path folder, String engine) {
            ModelRegistry.requireName(name);
            if (models.containsKey(name)) {
                throw new InvalidInputException(
                        "model name '" + name + "' is given twice; give each model its own name");
            }
            models.put(name, new ModelSource(folder, engine));
            return this;
        }

        /** Sets the engine of models added without one; default {@value Backends#DEFAULT}. */
        public Builder optEngine(String engine) {
            this.engine = engine;
            return this;
        }

        /** Sets the address to bind to; default 127.0.0.1 (this machine only). */
        public Builder optHost(String host) {
            this.host = host;
            return this;
        }

        /** Sets the port; 0 picks a free one; default 8080. */
        public Builder optPort(int port) {
            if (port < 0 || port > 65_535) {
                throw new InvalidInputException(InputField.PORT, "port must be between 0 and 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** Sets the most images in one forward pass; default 32. */
        public Builder optMaxBatchSize(int maxBatchSize) {
            this.maxBatchSize = maxBatchSize;
            return this;
        }

        /** Sets how long a batch waits for more requests once it has one; default 5 ms. */
        public Builder optMaxBatchDelay(Duration maxBatchDelay) {
            this.maxBatchDelay = maxBatchDelay;
            return this;
        }

        /** Sets how many requests may wait per model before the service answers 503; default 256. */
        public Builder optMaxQueue(int maxQueue) {
            this.maxQueue = maxQueue;
            return this;
        }

        /** Adds a folder that clients may load model folders from at run time; none by default. */
        public Builder optModelStore(Path folder) {
            modelStore.add(folder);
            return this;
        }

        /** Sets the engines' compute threads; default auto (as for {@code predict}). */
        public Builder optThreads(ComputeThreads threads) {
            this.threads = threads;
            return this;
        }

        /** Sets how long a connection may stay silent before it is closed, 1 ms to 1 hour; default 30 s. */
        public Builder optIdleTimeout(Duration idleTimeout) {
            if (idleTimeout.toMillis() < 1 || idleTimeout.compareTo(Duration.ofHours(1)) > 0) {
                throw new InvalidInputException(
                        InputField.IDLE_TIMEOUT,
                        "idleTimeout must be between 1 ms and 1 hour, got " + idleTimeout.toMillis() + " ms");
            }
            this.idleTimeout = idleTimeout;
            return this;
        }

        /** Sets how long {@link #close()} waits for requests in flight, 0 to 1 hour; default 10 s. */
        public Builder optStopTimeout(Duration stopTimeout) {
            if (stopTimeout.isNegative() || stopTimeout.compareTo(Duration.ofHours(1)) > 0) {
                throw new InvalidInputException(
                        InputField.STOP_TIMEOUT,
                        "stopTimeout must be between 0 and 1 hour, got " + stopTimeout.toMillis() + " ms");
            }
            this.stopTimeout = stopTimeout;
            return this;
        }

        /** Sets the largest request body; default {@link ImageFiles#MAX_FILE_BYTES}, as {@code predict}. */
        public Builder optMaxBodyBytes(long maxBodyBytes) {
            if (maxBodyBytes < 1 || maxBodyBytes > ImageFiles.MAX_FILE_BYTES) {
                throw new InvalidInputException(
                        InputField.MAX_BODY_BYTES,
                        "maxBodyBytes must be between 1 and " + ImageFiles.MAX_FILE_BYTES + ", got " + maxBodyBytes);
            }
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * Loads the models and starts listening.
         *
         * @throws InvalidInputException if a setting, folder or engine is not valid, or the port is taken
         * @throws IOException if a model folder cannot be read
         */
        public MnistlabServer start() throws IOException {
            if (models.isEmpty()) {
                throw new InvalidInputException("no model to serve; add one with addModel(name, folder)");
            }
            BatchSettings batching = new BatchSettings(maxBatchSize, maxBatchDelay, maxQueue);
            ModelStore store = new ModelStore(modelStore);
            useThreads();
            ServiceMetrics metrics = new ServiceMetrics();
            ModelRegistry registry = new ModelRegistry(batching, metrics);
            try {
                for (Map.Entry<String, ModelSource> model : models.entrySet()) {
                    ModelSource source = model.getValue();
                    registry.load(model.getKey(), source.folder(), engineOf(source));
                }
                RequestBodies bodies = new RequestBodies(maxBodyBytes);
                ImageDecoding decoding = new ImageDecoding(Runtime.getRuntime().availableProcessors());
                Javalin javalin = Javalin.create(config -> configure(
                        config,
                        metrics,
                        bodies,
                        new DjlServingApi(registry, bodies, decoding, store, engine, batching),
                        new KServeApi(registry, bodies, decoding),
                        new PreparedImageApi(bodies, decoding)));
                startListening(javalin);
                return new MnistlabServer(javalin, registry, stopTimeout);
            } catch (IOException | RuntimeException e) {
                closeQuietly(registry);
                throw e;
            }
        }

        private String engineOf(ModelSource source) {
            return source.engine() == null ? engine : source.engine();
        }

        /** Engines compute with one count per process: the one the largest model needs. */
        private void useThreads() throws IOException {
            long largest = 0;
            for (ModelSource source : models.values()) {
                largest = Math.max(
                        largest,
                        ModelFolder.readDescriptor(source.folder())
                                .architecture()
                                .forwardFlops());
            }
            for (ModelSource source : models.values()) {
                threads.applyTo(Backends.get(engineOf(source)), largest);
            }
        }

        private void configure(
                JavalinConfig config,
                ServiceMetrics metrics,
                RequestBodies bodies,
                DjlServingApi djl,
                KServeApi kserve,
                PreparedImageApi prepared) {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            config.http.maxRequestSize = bodies.limit();
            config.jetty.host = host;
            config.jetty.threadPool = httpThreads();
            config.jetty.port = port;
            config.jetty.multipartConfig.maxFileSize(bodies.limit(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(bodies.limit(), SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(Math.toIntExact(bodies.limit()), SizeUnit.BYTES);
            config.jetty.modifyServer(server -> {
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(stopTimeout.toMillis());
            });
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/dev/mnistlab/serve/page";
                files.location = Location.CLASSPATH;
            });
            config.requestLogger.http((ctx, millis) -> metrics.requestAnswered(ctx, millis));
            djl.addRoutes(config.routes);
            kserve.addRoutes(config.routes);
            prepared.addRoutes(config.routes);
            config.routes.get(
                    "/metrics",
                    ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                            .result(metrics.scrape()));
            ErrorReplies errors = new ErrorReplies(metrics, bodies);
            config.routes.exception(Exception.class, errors::send);
            config.routes.error(404, "*", errors::sendNoEndpoint);
            config.routes.error(405, "*", errors::sendWrongMethod);
        }

        /**
         * Jetty's threads: a few per core, at least {@value #HTTP_THREADS_AT_LEAST}. They read, decode
         * and refuse requests, and every runnable one takes CPU time from the engine's batch worker:
         * with Javalin's default of 250, 512 clients that resend their 503s at once cut the accepted
         * MLP requests to about 1,400 a second, with 8 or 16 threads about 4,400 went through
         * (docs/serving.md, "Measured"). The price: as many clients that stop halfway through a body
         * hold every thread until the idle timeout.
         */
        private static QueuedThreadPool httpThreads() {
            int cores = Runtime.getRuntime().availableProcessors();
            QueuedThreadPool pool =
                    new QueuedThreadPool(Math.max(HTTP_THREADS_AT_LEAST, HTTP_THREADS_PER_CORE * cores));
            pool.setName("mnistlab-http");
            return pool;
        }

        private void startListening(Javalin javalin) {
            try {
                javalin.start();
            } catch (RuntimeException e) {
                throw new InvalidInputException(
                        InputField.PORT,
                        "port " + port + " on " + host + " cannot be used (" + rootMessage(e)
                                + "); choose another port, or 0 for any free one",
                        e);
            }
            for (Connector connector : javalin.jettyServer().server().getConnectors()) {
                if (connector instanceof ServerConnector server) {
                    server.setIdleTimeout(idleTimeout.toMillis());
                }
            }
            LOG.info("listening on {}:{}", host, javalin.port());
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return root.getMessage();
        }

        private static void closeQuietly(ModelRegistry registry) {
            try {
                registry.close(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
