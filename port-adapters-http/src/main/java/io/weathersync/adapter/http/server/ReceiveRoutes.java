package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.weathersync.application.port.in.ReceiveChangesUseCase;
import io.weathersync.application.port.in.ReceivePushUseCase;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.message.SignedPush;
import io.weathersync.wire.ChangeJson;
import io.weathersync.wire.LiveMessage;

import java.util.List;
import java.util.function.Supplier;

/**
 * {@code POST /api/dms/sync/receive} on a slave (seed 001), authenticated by the master's signatures. Two bodies:
 * live changes (one object or an array), each verified by the replication use case, which drops a bad one; and a
 * pushed page of a requested sync (an object with {@code kind}), verified as a whole: a bad signature is a 403
 * and writes nothing. A body that does not parse is refused whole (400, nothing applied).
 */
final class ReceiveRoutes implements HttpService {

    private static final String PATH = "/api/dms/sync/receive";

    private final ReceiveChangesUseCase receive;
    private final ReceivePushUseCase pushes;

    ReceiveRoutes(ReceiveChangesUseCase receive, ReceivePushUseCase pushes) {
        this.receive = receive;
        this.pushes = pushes;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(PATH, this::receive);
        OnlyMethods.on(rules, PATH, "POST");
    }

    private void receive(ServerRequest req, ServerResponse res) {
        byte[] body = Bodies.requiredJsonBytes(req);
        JsonNode root = parsed(() -> Replies.CODEC.readTree(body));
        if (ChangeJson.isPush(root)) {
            receivePush(parsed(() -> Replies.CODEC.pushFromJson(root)), res);
            return;
        }
        LiveMessage message = parsed(() -> Replies.CODEC.readLive(root));
        if (!message.rejections().isEmpty()) {
            throw ApiException.badRequest(message.rejections().getFirst().getMessage());
        }
        List<SignedChange> changes = message.changes();
        receive.receive(changes);
        Replies.ok(res, Replies.object("result", "success", "received", changes.size()));
    }

    private void receivePush(SignedPush push, ServerResponse res) {
        int written;
        try {
            written = pushes.receive(push);
        } catch (RejectedMessage e) {
            throw new ApiException(e.kind() == RejectedMessage.Kind.BAD_SIGNATURE ? Status.FORBIDDEN_403
                    : Status.BAD_REQUEST_400, e.getMessage());
        }
        Replies.ok(res, Replies.object("result", "success", "written", written));
    }

    /** What {@code read} parses; its rejection is a 400 with the message naming the problem. */
    private static <T> T parsed(Supplier<T> read) {
        try {
            return read.get();
        } catch (RejectedMessage e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
