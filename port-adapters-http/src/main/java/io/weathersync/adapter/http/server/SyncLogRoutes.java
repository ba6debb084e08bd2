package io.weathersync.adapter.http.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.weathersync.application.port.in.ReadSyncLogsUseCase;
import io.weathersync.domain.cluster.SyncLogPage;
import io.weathersync.domain.cluster.SyncLogQuery;
import io.weathersync.domain.cluster.SyncOperation;

import java.util.Optional;

/**
 * {@code GET /api/v1/cascade/sync-logs?node_id&operation&limit&offset} (admin token): a page of the sync log,
 * newest first, as seed 002's clients read it: {@code data: {"list":[…],"page":{"limit","offset"},"total"}};
 * {@code limit} 1–200, default 50.
 */
final class SyncLogRoutes implements HttpService {

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
        Optional<String> nodeId = params.text("node_id").filter(id -> !id.isBlank());
        Optional<SyncOperation> operation = params.text("operation").filter(op -> !op.isBlank())
                .map(op -> SyncOperation.named(op).orElseThrow(() -> ApiException.badRequest("operation: unknown, "
                        + "was " + ApiException.quote(op) + "; use one of " + SyncOperation.names())));
        int limit = params.wholeInt("limit", SyncLogQuery.DEFAULT_LIMIT);
        int offset = params.wholeInt("offset", 0);
        SyncLogQuery query = Validation.valid(() -> new SyncLogQuery(nodeId, operation, limit, offset));
        SyncLogPage page = syncLogs.read(query);
        Replies.cascadeOk(res, "ok", Replies.object(
                "list", page.records().stream().map(Shapes::syncLog).toList(),
                "page", Replies.object("limit", query.limit(), "offset", query.offset()),
                "total", page.total()));
    }
}
