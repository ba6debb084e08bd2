package io.weathersync.adapter.http.server;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.weathersync.adapter.http.metrics.NodeMetrics;
import io.weathersync.adapter.http.trace.Traces;

import java.time.Duration;
import java.util.Optional;

/**
 * Every request's trace (the caller's {@code traceparent} when well-formed, else a new one; echoed in the reply)
 * for the log lines and the calls it causes, and its time by route template, method and status. A path no route
 * matched (a 404 of the console's pages included, which every path falls through to) is timed as route
 * {@code unmatched}, so scanners cannot grow the label set.
 */
final class ObservedRequests implements Filter {

    private static final io.helidon.http.HeaderName TRACEPARENT = HeaderNames.create(Traces.HEADER);

    private final Optional<NodeMetrics> metrics;

    ObservedRequests(Optional<NodeMetrics> metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        long started = System.nanoTime();
        if (Traces.enabled()) {
            res.header(TRACEPARENT, Traces.beginRequest(req.headers().first(TRACEPARENT).orElse(null)));
        }
        try {
            chain.proceed();
        } finally {
            int status = res.status().code();
            metrics.ifPresent(m -> m.httpRequest(req.matchingPattern()
                            .filter(pattern -> !Console.noSuchFile(pattern, status)).orElse("unmatched"),
                    req.prologue().method().text(), status, Duration.ofNanos(System.nanoTime() - started)));
            Traces.end();
        }
    }
}
