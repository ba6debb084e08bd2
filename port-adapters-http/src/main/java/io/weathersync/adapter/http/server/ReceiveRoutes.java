package io.weathersync.adapter.http.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.weathersync.application.port.in.ReceiveChangesUseCase;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedChange;

import java.util.List;

/**
 * {@code POST /api/dms/sync/receive} on a slave (seed 001): the master pushes signed changes, one object or an
 * array. A body that does not parse is refused whole (400, nothing applied); parsed changes go to the
 * replication use case, which verifies each signature with the master's key before applying — that signature
 * is what authenticates a push.
 */
final class ReceiveRoutes implements HttpService {

    private static final String PATH = "/api/dms/sync/receive";

    private final ReceiveChangesUseCase receive;

    ReceiveRoutes(ReceiveChangesUseCase receive) {
        this.receive = receive;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(PATH, this::receive);
        OnlyMethods.on(rules, PATH, "POST");
    }

    private void receive(ServerRequest req, ServerResponse res) {
        byte[] body = Bodies.requiredJsonBytes(req);
        List<SignedChange> changes;
        try {
            changes = Replies.CODEC.parse(body);
        } catch (RejectedMessage e) {
            throw ApiException.badRequest(e.getMessage());
        }
        receive.receive(changes);
        Replies.ok(res, Replies.object("result", "success", "received", changes.size()));
    }
}
