package io.weathersync.adapter.http.server;

import io.helidon.webserver.http.HttpRouting;
import io.weathersync.adapter.http.metrics.NodeMetrics;
import io.weathersync.application.port.out.ReadingCounts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's routes every node serves beside its API, for the apps to register after
 * {@link MasterApi#register} or {@link SlaveApi#register}: {@code GET /metrics} (Prometheus text, or seed 003's
 * counters as JSON), {@code GET /health/live} and {@code /health/ready} for orchestrators, {@code GET /openapi}
 * and its Swagger UI at {@code /openapi/ui}; and the filter that gives every request a W3C {@code traceparent}
 * and, with metrics on, times it by route, method and status.
 */
public final class OpsApi {

    private OpsApi() {
    }

    /** Registers the routes and the request filter on {@code routing}. */
    public static void register(HttpRouting.Builder routing, Dependencies deps) {
        routing.addFilter(new ObservedRequests(deps.metrics()));
        routing.register(new MetricsRoutes(deps.metrics(), deps.counts()), new ProbeRoutes(deps.ready()),
                new OpenApiRoutes());
    }

    /**
     * What the operator's routes need.
     *
     * @param metrics the node's meters; empty when {@code METRICS_ENABLED=false} ({@code /metrics} then answers
     *                404 for Prometheus text, and requests are not timed)
     * @param counts  seed 003's counters ({@code Accept: application/json})
     * @param ready   what {@code /health/ready} requires: every probe up (its problem, if any, is reported but
     *                does not make the node unready)
     */
    public record Dependencies(Optional<NodeMetrics> metrics, ReadingCounts counts, List<HealthCheck> ready) {

        /** Requires every part. */
        public Dependencies {
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(counts, "counts");
            ready = List.copyOf(ready);
        }
    }
}
