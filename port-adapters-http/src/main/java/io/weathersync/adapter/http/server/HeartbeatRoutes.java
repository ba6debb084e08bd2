package io.weathersync.adapter.http.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.weathersync.adapter.http.client.PushAuth;
import io.weathersync.application.port.in.RecordHeartbeatUseCase;
import io.weathersync.application.port.out.HeartbeatReply;
import io.weathersync.domain.cluster.HeartbeatReport;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.model.StreamId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * {@code POST /api/v1/cascade/heartbeat} (AK-SK): a slave reports {@code stream}, {@code applied_seq},
 * {@code last_sync}, {@code uptime} (seconds), {@code version}, {@code host}, {@code port} — all optional, all
 * typed; what it leaves out (seed 002's client sends no body at all) keeps the value the master knew — and learns
 * the master's stream, head, public key, {@code uptime} (seconds) and {@code tasks_count}.
 */
final class HeartbeatRoutes implements HttpService {

    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatRoutes.class);
    private static final String PATH = "/api/v1/cascade/heartbeat";
    private static final double MAX_UPTIME_SECONDS = 100L * 365 * 24 * 3600;

    private final RecordHeartbeatUseCase heartbeats;
    private final NodeGuard nodes;
    private final PushAuth push;

    HeartbeatRoutes(RecordHeartbeatUseCase heartbeats, NodeGuard nodes, PushAuth push) {
        this.heartbeats = heartbeats;
        this.nodes = nodes;
        this.push = push;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(PATH, this::heartbeat);
        OnlyMethods.on(rules, PATH, "POST");
    }

    private void heartbeat(ServerRequest req, ServerResponse res) {
        Node node = nodes.require(req);
        Optional<BodyFields> body = Bodies.optional(req).map(Bodies::object);
        HeartbeatReport report = body.map(HeartbeatRoutes::report).orElse(HeartbeatReport.ALIVE);
        HeartbeatReply reply = Validation.valid(() -> heartbeats.heartbeat(node, report));
        LOG.debug("heartbeat of slave {}: applied seq {}, head {}", node.name(),
                report.appliedSeq().isPresent() ? report.appliedSeq().getAsLong() : "not sent", reply.head());
        Map<String, Object> data = Replies.object(
                "stream", reply.stream().value(),
                "head", reply.head(),
                "public_key", reply.publicKey(),
                "name", reply.nodeName(),
                "uptime", reply.uptime().toSeconds(),
                "tasks_count", reply.tasksCount());
        // Only to an authenticated slave: the key its receive endpoint checks this master's pushes with.
        push.keyBase64().ifPresent(key -> data.put("push_key", key));
        Replies.cascadeOk(res, "ok", data);
    }

    private static HeartbeatReport report(BodyFields body) {
        Optional<StreamId> stream = body.string("stream", 64).map(value -> Validation.valid(() -> new StreamId(value)));
        Optional<Duration> uptime = body.number("uptime", 0, MAX_UPTIME_SECONDS)
                .map(seconds -> Duration.ofMillis(Math.round(seconds * 1000)));
        var port = body.whole("port", 0, 65535);
        return new HeartbeatReport(stream, body.whole("applied_seq", 0, Long.MAX_VALUE), body.time("last_sync"),
                uptime, body.string("version", 64), body.string("host", 255),
                port.isPresent() ? OptionalInt.of((int) port.getAsLong()) : OptionalInt.empty());
    }
}
