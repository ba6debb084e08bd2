package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.weathersync.adapter.http.client.PushAuth;
import io.weathersync.application.port.in.ReceiveChangesUseCase;
import io.weathersync.application.port.in.ReceivePushUseCase;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedPush;
import io.weathersync.wire.ChangeJson;
import io.weathersync.wire.LiveMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code POST /api/dms/sync/receive} on a slave (seed 001): first the master's MAC over the request
 * ({@link PushAuth}, checked from the headers before the body is read: 403 at once when unsigned or forged), then
 * the master's signatures on what it carries. Two bodies:
 * live changes (one object or an array), taken as every live transport takes them (the Redis subscriber too):
 * the good changes go to the replication use case, which verifies each, and each bad element is counted there
 * and named in the reply's {@code rejected} (a 200 when any change was read, a 400 when none was); and a pushed page of a requested sync (an object with
 * {@code kind}), read strictly and verified as a whole: a bad signature is a 403 and writes nothing. A body that
 * is not JSON, not an object or array, or over the size limit is refused whole (400, 413), nothing applied.
 */
final class ReceiveRoutes implements HttpService {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiveRoutes.class);

    private static final String PATH = "/api/dms/sync/receive";

    private final ReceiveChangesUseCase receive;
    private final ReceivePushUseCase pushes;
    private final PushAuth auth;

    ReceiveRoutes(ReceiveChangesUseCase receive, ReceivePushUseCase pushes, PushAuth auth) {
        this.receive = receive;
        this.pushes = pushes;
        this.auth = auth;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(PATH, this::receive);
        OnlyMethods.on(rules, PATH, "POST");
    }

    private void receive(ServerRequest req, ServerResponse res) {
        // The master's MAC first, from the headers alone: a forged or unsigned push costs no body read.
        auth.refuseHeaders("POST", PATH, header(req, PushAuth.TIME_HEADER), header(req, PushAuth.BODY_HEADER),
                header(req, PushAuth.SIGNATURE_HEADER)).ifPresent(ReceiveRoutes::forbid);
        byte[] body = Bodies.requiredJsonBytes(req);
        PushAuth.refuseBody(header(req, PushAuth.BODY_HEADER).orElseThrow(), body).ifPresent(ReceiveRoutes::forbid);
        JsonNode root = whole(body, () -> Replies.CODEC.readTree(body));
        if (ChangeJson.isPush(root)) {
            receivePush(whole(body, () -> Replies.CODEC.pushFromJson(root)), res);
            return;
        }
        LiveMessage message = whole(body, () -> Replies.CODEC.readLive(root));
        message.rejections().forEach(receive::rejected);
        List<Map<String, Object>> rejected = message.rejections().stream().map(rejection -> Replies.object(
                "kind", rejection.kind().name().toLowerCase(Locale.ROOT), "reason", rejection.getMessage())).toList();
        if (message.changes().isEmpty()) {
            Map<String, Object> refusal = ErrorReplies.body(req.path().path(), Status.BAD_REQUEST_400,
                    message.rejections().getFirst().getMessage());
            refusal.put("data", Replies.object("rejected", rejected));
            refusal.put("rejected", rejected); // where a 200 lists them too, for clients that read it there
            Replies.send(res, Status.BAD_REQUEST_400, refusal);
            return;
        }
        receive.receive(message.changes(), body.length);
        LOG.debug("live push from the master: {} changes (seq {}-{})", message.changes().size(),
                message.changes().getFirst().change().seq(), message.changes().getLast().change().seq());
        Map<String, Object> reply = Replies.object("result", "success", "received", message.changes().size());
        if (!rejected.isEmpty()) {
            reply.put("rejected", rejected);
        }
        Replies.ok(res, reply);
    }

    private void receivePush(SignedPush push, ServerResponse res) {
        int written;
        try {
            written = pushes.receive(push);
        } catch (RejectedMessage e) {
            throw new ApiException(e.kind() == RejectedMessage.Kind.BAD_SIGNATURE ? Status.FORBIDDEN_403
                    : Status.BAD_REQUEST_400, e.getMessage());
        }
        LOG.info("pushed page from the master: {} changes, {} written", push.push().page().changes().size(), written);
        Replies.ok(res, Replies.object("result", "success", "written", written));
    }

    private static Optional<String> header(ServerRequest req, String name) {
        return req.headers().first(HeaderNames.create(name));
    }

    private static void forbid(String reason) {
        throw new ApiException(Status.FORBIDDEN_403, "push refused: " + reason);
    }

    /** What {@code read} makes of the whole body; its refusal is a 413 when too large, else a 400, naming why. */
    private static <T> T whole(byte[] body, Supplier<T> read) {
        try {
            return read.get();
        } catch (RejectedMessage e) {
            throw new ApiException(body.length > ChangeJson.MAX_MESSAGE_BYTES ? Status.REQUEST_ENTITY_TOO_LARGE_413
                    : Status.BAD_REQUEST_400, e.getMessage());
        }
    }
}
