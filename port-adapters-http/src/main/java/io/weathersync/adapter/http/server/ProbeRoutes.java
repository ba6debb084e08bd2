package io.weathersync.adapter.http.server;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Probes for orchestrators. {@code GET /health/live}: 200 {@code {"status":"up"}} while the process serves HTTP
 * (a restart would not help anything else). {@code GET /health/ready}: 200 {@code {"status":"ready"}} when every
 * readiness probe is up, else 503 {@code {"status":"not ready","reasons":[…]}}; {@code /api/health} stays as it is.
 */
final class ProbeRoutes implements HttpService {

    private final List<HealthCheck> ready;

    ProbeRoutes(List<HealthCheck> ready) {
        this.ready = List.copyOf(ready);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/health/live", (req, res) -> Replies.ok(res, Map.of("status", "up")));
        OnlyMethods.on(rules, "/health/live", "GET");
        rules.get("/health/ready", this::ready);
        OnlyMethods.on(rules, "/health/ready", "GET");
    }

    private void ready(ServerRequest req, ServerResponse res) {
        List<String> reasons = new ArrayList<>();
        for (HealthCheck check : ready) {
            if (check.probe().isEmpty()) {
                continue;
            }
            boolean up;
            try {
                up = check.probe().get().getAsBoolean();
            } catch (RuntimeException e) {
                up = false;
            }
            if (!up) {
                reasons.add(check.name() + ": " + check.problem().get().orElse("down"));
            }
        }
        if (reasons.isEmpty()) {
            Replies.ok(res, Map.of("status", "ready"));
        } else {
            Replies.send(res, Status.SERVICE_UNAVAILABLE_503, Map.of("status", "not ready", "reasons", reasons));
        }
    }
}
