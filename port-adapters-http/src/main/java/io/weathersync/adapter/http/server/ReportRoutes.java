package io.weathersync.adapter.http.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.weathersync.application.port.in.RecordSyncResultUseCase;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.cluster.SyncOperation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/cascade/report-result} (AK-SK), seed 002's body {@code {"task_id","results":[…],
 * "timestamp"}}. Each result becomes one sync log entry of operation {@code report_result}, started at its
 * {@code timestamp} (else the body's, else now; never later than its receipt) and completed when received; its
 * optional {@code success}, {@code from_seq}, {@code to_seq} and {@code count} are typed fields of the entry, the
 * task id is kept, and the whole element (any other fields included, such as seed 002's {@code mp_id}) is kept as
 * the entry's detail. The body is fully checked before anything is recorded.
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
        String taskId = body.string("task_id", SyncLogEntry.MAX_TASK_ID).orElse("");
        Instant received = clock.instant();
        Instant reported = body.time("timestamp").orElse(received);
        List<SyncLogEntry> entries = new ArrayList<>();
        for (BodyFields result : body.objects("results", MAX_RESULTS)) {
            Instant at = result.time("timestamp").orElse(reported);
            entries.add(new SyncLogEntry(node.id(), SyncOperation.REPORT_RESULT,
                    result.bool("success").orElse(true),
                    (int) result.whole("count", 0, Integer.MAX_VALUE).orElse(0),
                    result.whole("from_seq", 0, Long.MAX_VALUE).orElse(0),
                    result.whole("to_seq", 0, Long.MAX_VALUE).orElse(0),
                    at.isAfter(received) ? received : at, received, taskId, result.asText()));
        }
        entries.forEach(syncLog::record);
        Replies.cascadeOk(res, "result recorded", Replies.object("recorded", entries.size()));
    }
}
