package dev.mnistlab.serve;

import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The service's figures, per model, in a Micrometer registry scraped in Prometheus's text format:
 * requests and their latency ({@code mnistlab_requests_seconds}, a histogram, by model, protocol and
 * status), errors by kind ({@code mnistlab_errors_total}), images per forward pass
 * ({@code mnistlab_batch_size}) and requests waiting ({@code mnistlab_queue_depth}).
 *
 * <p>The model label of a request for a name that is not served is {@code unknown}, so clients
 * cannot grow the label set.
 */
final class ServiceMetrics {

    static final String UNKNOWN_MODEL = "unknown";

    /** The request attribute that names the served model a request reached. */
    static final String MODEL_ATTRIBUTE = "mnistlab.model";

    private static final Duration[] LATENCY_BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)
    };
    private static final double[] BATCH_BUCKETS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /** Returns the served model a request reached, or {@value #UNKNOWN_MODEL}. */
    static String modelOf(Context ctx) {
        String model = ctx.attribute(MODEL_ATTRIBUTE);
        return model == null ? UNKNOWN_MODEL : model;
    }

    /** Records a prediction request once answered; other requests are not counted. */
    void requestAnswered(Context ctx, float millis) {
        String path = ctx.path();
        String protocol;
        if (path.startsWith("/predictions/")) {
            protocol = DjlServingApi.PROTOCOL;
        } else if (path.startsWith(KServeApi.PATH_PREFIX) && path.endsWith("/infer")) {
            protocol = KServeApi.PROTOCOL;
        } else {
            return;
        }
        request(modelOf(ctx), protocol, ctx.status().getCode(), (long) (millis * 1e6));
    }

    private void request(String model, String protocol, int status, long nanos) {
        Timer.builder("mnistlab.requests")
                .description("Requests answered, by model, protocol and HTTP status")
                .tags("model", model, "protocol", protocol, "status", Integer.toString(status))
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    /** Counts one error answered. */
    void error(String model, ErrorKind kind) {
        Counter.builder("mnistlab.errors")
                .description("Requests refused or failed, by model and kind")
                .tags("model", model, "kind", kind.label())
                .register(registry)
                .increment();
    }

    /** Records the image count of one forward pass. */
    void batchSize(String model, int images) {
        DistributionSummary.builder("mnistlab.batch.size")
                .description("Images per forward pass")
                .tags("model", model)
                .serviceLevelObjectives(BATCH_BUCKETS)
                .register(registry)
                .record(images);
    }

    /** Starts reporting a model's queue depth (again, after a replacement: the same gauge). */
    void serving(String model, Supplier<Number> queued) {
        Gauge.builder("mnistlab.queue.depth", queued)
                .description("Requests waiting for a forward pass")
                .tags("model", model)
                .register(registry);
    }

    /** Stops reporting an unloaded model's queue depth. */
    void stopServing(String model) {
        Meter gauge = registry.find("mnistlab.queue.depth").tags("model", model).gauge();
        if (gauge != null) {
            registry.remove(gauge);
        }
    }

    /** Returns every figure in Prometheus's text format. */
    String scrape() {
        return registry.scrape();
    }
}
