package io.weathersync.adapter.http.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.weathersync.application.port.in.RecordSyncResultUseCase;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.SyncLogEntry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /api/v1/cascade/report-result} (AK-SK), seed 002's body {@code {"task_id","results":[…],
 * "timestamp"}}. Each result becomes one sync log entry of kind {@code report}; its optional {@code success},
 * {@code from_seq}, {@code to_seq} and {@code count} are typed fields of the entry, and the whole element (any
 * other fields included, such as seed 002's {@code mp_id}) is kept as the entry's detail. The body is fully
 * checked before anything is recorded.
 */
final class ReportRoutes implements HttpService {

    static final int MAX_RESULTS = 1000;
    private static final String PATH = "/api/v1/cascade/report-result";

    private final RecordSyncResultUseCase syncLog;
    private final NodeGuard nodes;
    private final Clock clock;

    ReportRoutes(RecordSyncResultUseCase syncLog, NodeGuard nodes, Clock clock) {
        this.syncLog = syncLog;
        this.nodes = nodes;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(PATH, this::report);
        OnlyMethods.on(rules, PATH, "POST");
    }

    private void report(ServerRequest req, ServerResponse res) {
        Node node = nodes.require(req);
        BodyFields body = Bodies.object(Bodies.required(req));
        Optional<String> taskId = body.string("task_id", 200);
        body.time("timestamp");
        Instant at = clock.instant();
        List<SyncLogEntry> entries = new ArrayList<>();
        for (BodyFields result : body.objects("results", MAX_RESULTS)) {
            result.time("timestamp");
            entries.add(new SyncLogEntry(node.id(), at, "report",
                    result.bool("success").orElse(true),
                    result.whole("from_seq", 0, Long.MAX_VALUE).orElse(0),
                    result.whole("to_seq", 0, Long.MAX_VALUE).orElse(0),
                    (int) result.whole("count", 0, Integer.MAX_VALUE).orElse(0),
                    taskId.map(id -> "task " + id + ": ").orElse("") + result.asText()));
        }
        entries.forEach(syncLog::record);
        Replies.cascadeOk(res, "result recorded", Replies.object("recorded", entries.size()));
    }
}
