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
import java.util.Optional;

/**
 * {@code GET /api/health}: {@code {"status":"ok","components":{…}}} (seed 000's answer plus component checks);
 * {@code "degraded"} (still 200) when a non-critical component is down or a component works only partly (its
 * reason under {@code problems}), 503 with {@code "down"} when a critical one is down.
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
        Map<String, String> problems = new LinkedHashMap<>();
        boolean up = true;
        boolean whole = true;
        for (HealthCheck check : checks) {
            String state = state(check);
            if (state.equals("up")) {
                Optional<String> problem = problem(check);
                if (problem.isPresent()) {
                    state = "degraded";
                    problems.put(check.name(), problem.get());
                }
            }
            boolean down = state.equals("down");
            up &= !(down && check.critical());
            whole &= !down && !state.equals("degraded");
            components.put(check.name(), state);
        }
        Map<String, Object> body = Replies.object("status", !up ? "down" : whole ? "ok" : "degraded",
                "components", components);
        if (!problems.isEmpty()) {
            body.put("problems", problems);
        }
        Replies.send(res, up ? Status.OK_200 : Status.SERVICE_UNAVAILABLE_503, body);
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

    private static Optional<String> problem(HealthCheck check) {
        try {
            return check.problem().get();
        } catch (RuntimeException e) {
            LOG.warn("health check '{}' failed", check.name(), e);
            return Optional.of("its check failed: " + e);
        }
    }
}
