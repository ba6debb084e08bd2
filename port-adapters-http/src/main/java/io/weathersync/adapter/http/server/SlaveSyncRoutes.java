package io.weathersync.adapter.http.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.weathersync.application.port.in.SyncSlaveUseCase;
import io.weathersync.application.port.out.PushFailedException;
import io.weathersync.application.port.out.SyncOutcome;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.model.ReadingRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The master's {@code POST /api/dms/slaves/{slave_name}/sync} (seed 001): pushes the slave what it lacks and, for
 * a range in the body ({@link SyncRequests}), re-sends it. Allowed to that slave itself (its AK-SK; another node
 * gets 403) and to an admin (Bearer token). Unknown slave 404, disabled or without api_url 409, slave
 * unreachable 502; every reply is seed 002's {@code {"code","message","data"}}.
 */
final class SlaveSyncRoutes implements HttpService {

    static final String PATH = "/api/dms/slaves/{slave_name}/sync";
    private static final Logger LOG = LoggerFactory.getLogger(SlaveSyncRoutes.class);
    private static final String BEARER = "Bearer ";

    private final SyncSlaveUseCase syncs;
    private final AdminGuard admin;
    private final NodeGuard nodes;

    SlaveSyncRoutes(SyncSlaveUseCase syncs, AdminGuard admin, NodeGuard nodes) {
        this.syncs = syncs;
        this.admin = admin;
        this.nodes = nodes;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(PATH, this::sync);
        OnlyMethods.on(rules, PATH, "POST");
    }

    private void sync(ServerRequest req, ServerResponse res) {
        String name = req.path().pathParameters().get("slave_name");
        authorize(req, name);
        Optional<ReadingRange> repair = SyncRequests.repair(req);
        SyncOutcome outcome;
        try {
            outcome = syncs.sync(name, repair);
        } catch (NoSuchElementException e) {
            throw ApiException.notFound(e.getMessage());
        } catch (IllegalStateException e) {
            throw new ApiException(Status.CONFLICT_409, e.getMessage());
        } catch (PushFailedException e) {
            LOG.warn("sync of slave {} failed: {}", name, e.getMessage());
            throw new ApiException(Status.BAD_GATEWAY_502, "slave unreachable: " + e.getMessage());
        }
        LOG.info("sync of slave {}: pushed {} changes, resent {} (seq {}-{})", name, outcome.pushed(),
                outcome.resent(), outcome.fromSeq(), outcome.toSeq());
        Replies.cascadeOk(res, "sync pushed", Shapes.syncOutcome(outcome));
    }

    /** An admin may sync any slave; a node only itself. */
    private void authorize(ServerRequest req, String name) {
        boolean bearer = req.headers().first(HeaderNames.AUTHORIZATION)
                .map(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .orElse(false);
        if (bearer) {
            admin.require(req);
            return;
        }
        Node node = nodes.require(req);
        if (!node.name().equals(name)) {
            throw new ApiException(Status.FORBIDDEN_403, "Authorization: node '" + node.name()
                    + "' may only request a sync of itself, not of " + ApiException.quote(name));
        }
    }
}
