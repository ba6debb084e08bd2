package io.weathersync.adapter.http.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.weathersync.application.port.in.ReadSyncLogsUseCase;

/** {@code GET /api/v1/cascade/sync-logs?node_id&limit} (admin token): the newest sync log entries, newest first. */
final class SyncLogRoutes implements HttpService {

    static final int DEFAULT_LIMIT = 50;
    private static final String PATH = "/api/v1/cascade/sync-logs";

    private final ReadSyncLogsUseCase syncLogs;
    private final AdminGuard admin;

    SyncLogRoutes(ReadSyncLogsUseCase syncLogs, AdminGuard admin) {
        this.syncLogs = syncLogs;
        this.admin = admin;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(PATH, this::read);
        OnlyMethods.on(rules, PATH, "GET");
    }

    private void read(ServerRequest req, ServerResponse res) {
        admin.require(req);
        QueryParams params = new QueryParams(req.query());
        var nodeId = params.text("node_id").filter(id -> !id.isBlank());
        int limit = params.wholeInt("limit", DEFAULT_LIMIT);
        Replies.cascadeOk(res, "ok", Validation.valid(() -> syncLogs.read(nodeId, limit)).stream()
                .map(Shapes::syncLog).toList());
    }
}
