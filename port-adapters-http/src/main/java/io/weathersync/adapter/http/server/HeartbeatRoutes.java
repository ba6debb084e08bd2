package io.weathersync.adapter.http.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.weathersync.application.port.in.RecordHeartbeatUseCase;
import io.weathersync.application.port.out.HeartbeatReply;
import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.model.StreamId;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code POST /api/v1/cascade/heartbeat} (AK-SK): a slave reports {@code stream}, {@code applied_seq},
 * {@code last_sync}, {@code uptime} (seconds), {@code version}, {@code host}, {@code port} — all optional, all
 * typed — and learns the master's stream, head and public key.
 */
final class HeartbeatRoutes implements HttpService {

    private static final String PATH = "/api/v1/cascade/heartbeat";
    private static final double MAX_UPTIME_SECONDS = 100L * 365 * 24 * 3600;

    private final RecordHeartbeatUseCase heartbeats;
    private final NodeGuard nodes;

    HeartbeatRoutes(RecordHeartbeatUseCase heartbeats, NodeGuard nodes) {
        this.heartbeats = heartbeats;
        this.nodes = nodes;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(PATH, this::heartbeat);
        OnlyMethods.on(rules, PATH, "POST");
    }

    private void heartbeat(ServerRequest req, ServerResponse res) {
        Node node = nodes.require(req);
        BodyFields body = Bodies.optional(req).map(Bodies::object)
                .orElseGet(() -> new BodyFields("", Replies.MAPPER.createObjectNode()));
        Heartbeat heartbeat = heartbeat(body);
        HeartbeatReply reply = heartbeats.heartbeat(node, heartbeat);
        Replies.cascadeOk(res, "ok", Replies.object(
                "stream", reply.stream().value(),
                "head", reply.head(),
                "public_key", reply.publicKey(),
                "name", reply.nodeName()));
    }

    private static Heartbeat heartbeat(BodyFields body) {
        StreamId stream = body.string("stream", 64).map(value -> Validation.valid(() -> new StreamId(value)))
                .orElse(null);
        long appliedSeq = body.whole("applied_seq", 0, Long.MAX_VALUE).orElse(0);
        Duration uptime = Duration.ofMillis(Math.round(
                body.number("uptime", 0, MAX_UPTIME_SECONDS).orElse(0.0) * 1000));
        Instant lastSync = body.time("last_sync").orElse(null);
        String version = body.string("version", 64).orElse("");
        String host = body.string("host", 255).orElse("");
        int port = (int) body.whole("port", 0, 65535).orElse(0);
        return Validation.valid(() -> new Heartbeat(stream, appliedSeq, lastSync, uptime, version, host, port));
    }
}
