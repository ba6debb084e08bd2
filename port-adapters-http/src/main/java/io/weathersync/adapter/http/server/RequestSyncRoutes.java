package io.weathersync.adapter.http.server;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.weathersync.application.port.in.RequestSyncUseCase;
import io.weathersync.application.port.out.MasterUnavailableException;
import io.weathersync.application.port.out.SyncOutcome;
import io.weathersync.domain.model.ReadingRange;

import java.util.Optional;

/**
 * A slave's {@code POST /api/dms/slaves/{slave_name}/sync} (seed 001's manual sync), for this slave's operator only
 * ({@code Authorization: Bearer} the slave's own {@code ADMIN_TOKEN}; unset: 403): checks the body as the master
 * does ({@link SyncRequests}), forwards it to the master with this slave's credentials and answers the master's
 * {@code {"code":0,"message":"sync pushed","data":…}}; a master that cannot be reached or refuses is a 502.
 */
final class RequestSyncRoutes implements HttpService {

    private final RequestSyncUseCase requests;
    private final AdminGuard admin;

    RequestSyncRoutes(RequestSyncUseCase requests, AdminGuard admin) {
        this.requests = requests;
        this.admin = admin;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(SlaveSyncRoutes.PATH, this::request);
        OnlyMethods.on(rules, SlaveSyncRoutes.PATH, "POST");
    }

    private void request(ServerRequest req, ServerResponse res) {
        // The forward spends this slave's credentials and the master's work: only this slave's operator may ask.
        admin.require(req);
        String name = req.path().pathParameters().get("slave_name");
        Optional<ReadingRange> repair = SyncRequests.repair(req);
        SyncOutcome outcome;
        try {
            outcome = requests.requestSync(name, repair);
        } catch (MasterUnavailableException e) {
            throw new ApiException(Status.BAD_GATEWAY_502, "master: " + e.getMessage());
        }
        Replies.cascadeOk(res, "sync pushed", Shapes.syncOutcome(outcome));
    }
}
