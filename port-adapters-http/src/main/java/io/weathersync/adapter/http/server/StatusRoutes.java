package io.weathersync.adapter.http.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.http.HeaderNames;
import io.weathersync.application.port.in.ReportStatusUseCase;
import io.weathersync.domain.status.NodeRole;

import java.util.Locale;

/**
 * {@code GET /api/dms/status}: seed 001's status view as this node sees it. The body keeps seed 001's exact
 * shape; the answering node's own role travels in the {@code X-Node-Role} header (for connection tests).
 */
final class StatusRoutes implements HttpService {

    private final ReportStatusUseCase status;
    private final String role;

    StatusRoutes(ReportStatusUseCase status, NodeRole role) {
        this.status = status;
        this.role = role.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/api/dms/status", (req, res) -> {
            res.header(HeaderNames.create("X-Node-Role"), role);
            Replies.ok(res, Shapes.status(status.status()));
        });
        OnlyMethods.on(rules, "/api/dms/status", "GET");
    }
}
