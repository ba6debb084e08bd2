package io.weathersync.adapter.http.server;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/health}: {@code {"status":"ok","components":{…}}} (seed 000's answer plus component checks);
 * {@code "degraded"} (still 200) when a non-critical component is down, 503 with {@code "down"} when a critical
 * one is.
 */
final class HealthRoutes implements HttpService {

    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);

    private final List<HealthCheck> checks;

    HealthRoutes(List<HealthCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/health", this::health);
        OnlyMethods.on(rules, "/api/health", "GET");
    }

    private void health(ServerRequest req, ServerResponse res) {
        Map<String, String> components = new LinkedHashMap<>();
        boolean up = true;
        boolean whole = true;
        for (HealthCheck check : checks) {
            String state = state(check);
            boolean down = state.equals("down");
            up &= !(down && check.critical());
            whole &= !down;
            components.put(check.name(), state);
        }
        Replies.send(res, up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503,
                Replies.object("status", !up ? "down" : whole ? "ok" : "degraded", "components", components));
    }

    private static String state(HealthCheck check) {
        if (check.probe().isEmpty()) {
            return "not configured";
        }
        try {
            return check.probe().get().getAsBoolean() ? "up" : "down";
        } catch (RuntimeException e) {
            LOG.warn("health check '{}' failed", check.name(), e);
            return "down";
        }
    }
}
