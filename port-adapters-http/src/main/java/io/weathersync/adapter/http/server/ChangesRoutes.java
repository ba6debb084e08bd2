package io.weathersync.adapter.http.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.weathersync.application.port.in.RecordSyncResultUseCase;
import io.weathersync.application.port.in.ServeChangesUseCase;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.cluster.SyncOperation;
import io.weathersync.domain.model.ChangePage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;

/**
 * {@code GET /api/v1/cascade/changes?after=N&limit=M} (AK-SK): a page of the master's compacted log for a
 * slave's catch-up, changes in the message format. A page that carries changes is noted in the sync log
 * ({@code catch_up}); empty polls are not, so periodic checks do not flood it.
 */
final class ChangesRoutes implements HttpService {

    static final int DEFAULT_LIMIT = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(ChangesRoutes.class);
    private static final String PATH = "/api/v1/cascade/changes";

    private final ServeChangesUseCase changes;
    private final NodeGuard nodes;
    private final RecordSyncResultUseCase syncLog;
    private final Clock clock;

    ChangesRoutes(ServeChangesUseCase changes, NodeGuard nodes, RecordSyncResultUseCase syncLog, Clock clock) {
        this.changes = changes;
        this.nodes = nodes;
        this.syncLog = syncLog;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(PATH, this::changes);
        OnlyMethods.on(rules, PATH, "GET");
    }

    private void changes(ServerRequest req, ServerResponse res) {
        Node node = nodes.require(req);
        QueryParams params = new QueryParams(req.query());
        long after = params.whole("after", 0);
        int limit = params.wholeInt("limit", DEFAULT_LIMIT);
        Instant started = clock.instant();
        ChangePage page = Validation.valid(() -> changes.changesAfter(after, limit));
        if (!page.changes().isEmpty()) {
            syncLog.record(new SyncLogEntry(node.id(), SyncOperation.CATCH_UP, true, page.changes().size(),
                    page.changes().getFirst().seq(), page.changes().getLast().seq(), started, clock.instant(), "",
                    ""));
        }
        LOG.debug("catch-up page for slave {}: {} changes after seq {}, head {}", node.name(), page.changes().size(),
                after, page.head());
        Replies.cascadeOk(res, "ok", Replies.CODEC.toJsonObject(page));
    }
}
