package io.weathersync.adapter.http.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.HttpMediaTypes;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.weathersync.adapter.http.metrics.NodeMetrics;
import io.weathersync.application.port.out.ReadingCounts;
import io.weathersync.domain.model.ReadingCount;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /metrics}: the node's meters in the Prometheus text format; with {@code Accept: application/json},
 * seed 003's counters {@code [{"source","city","count"}]} (503 when their store cannot be read).
 */
final class MetricsRoutes implements HttpService {

    private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    private final Optional<NodeMetrics> metrics;
    private final ReadingCounts counts;

    MetricsRoutes(Optional<NodeMetrics> metrics, ReadingCounts counts) {
        this.metrics = metrics;
        this.counts = counts;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/metrics", this::metrics);
        OnlyMethods.on(rules, "/metrics", "GET");
    }

    private void metrics(ServerRequest req, ServerResponse res) {
        if (req.headers().bestAccepted(HttpMediaTypes.PLAINTEXT_UTF_8, HttpMediaTypes.JSON_UTF_8)
                .filter(type -> type.subtype().equals("json")).isPresent()) {
            List<ReadingCount> all;
            try {
                all = counts.counts();
            } catch (RuntimeException e) {
                throw new ApiException(Status.SERVICE_UNAVAILABLE_503, "metrics: the reading counters cannot be "
                        + "read now (" + e.getClass().getSimpleName() + ")");
            }
            Replies.ok(res, all.stream().map(c -> Replies.object("source", c.source(), "city", c.city(),
                    "count", c.count())).toList());
            return;
        }
        NodeMetrics meters = metrics.orElseThrow(() -> ApiException.notFound(
                "metrics: Prometheus metrics are off on this node (METRICS_ENABLED=false); seed 003's counters "
                        + "still answer with Accept: application/json"));
        res.headers().set(HeaderValues.create(HeaderNames.CONTENT_TYPE, PROMETHEUS));
        res.send(meters.scrape().getBytes(StandardCharsets.UTF_8));
    }
}
