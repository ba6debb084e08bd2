package io.weathersync.adapter.http.server;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.weathersync.application.port.in.ExportReplicaUseCase;
import io.weathersync.application.port.in.FollowNewStreamUseCase;
import io.weathersync.domain.model.StreamId;

/**
 * A slave's own admin endpoints ({@code Authorization: Bearer} the slave's {@code ADMIN_TOKEN}; unset, 403 saying
 * so): {@code POST /api/dms/follow-stream} makes a diverged replica follow the master's new stream, dropping the
 * readings it lacks once the resync is done (409 when the replica has not diverged);
 * {@code GET /api/dms/export?after=N&limit=M} pages through the served readings with their seqs (the head is the
 * applied seq; 409 while the replica follows no stream) and {@code GET /api/dms/export/registry} gives the copy of
 * the master's registry: what {@code app-master.jar restore} reads.
 */
final class SlaveAdminRoutes implements HttpService {

    static final String FOLLOW = "/api/dms/follow-stream";
    static final String EXPORT = "/api/dms/export";
    static final String EXPORT_REGISTRY = "/api/dms/export/registry";
    private static final int DEFAULT_LIMIT = 1000;

    private final FollowNewStreamUseCase follow;
    private final ExportReplicaUseCase export;
    private final AdminGuard admin;

    SlaveAdminRoutes(FollowNewStreamUseCase follow, ExportReplicaUseCase export, AdminGuard admin) {
        this.follow = follow;
        this.export = export;
        this.admin = admin;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(FOLLOW, this::follow);
        OnlyMethods.on(rules, FOLLOW, "POST");
        rules.get(EXPORT_REGISTRY, this::registry);
        OnlyMethods.on(rules, EXPORT_REGISTRY, "GET");
        rules.get(EXPORT, this::export);
        OnlyMethods.on(rules, EXPORT, "GET");
    }

    private void export(ServerRequest req, ServerResponse res) {
        admin.require(req);
        QueryParams params = new QueryParams(req.query());
        long after = params.whole("after", 0);
        int limit = params.wholeInt("limit", DEFAULT_LIMIT);
        try {
            Replies.cascadeOk(res, "ok", Replies.CODEC.toJsonObject(Validation.valid(() -> export.export(after,
                    limit))));
        } catch (IllegalStateException e) {
            throw new ApiException(Status.CONFLICT_409, e.getMessage());
        }
    }

    private void registry(ServerRequest req, ServerResponse res) {
        admin.require(req);
        Replies.cascadeOk(res, "ok", Replies.CODEC.toJsonObject(export.registry()));
    }

    private void follow(ServerRequest req, ServerResponse res) {
        admin.require(req);
        StreamId stream;
        try {
            stream = follow.followNewStream();
        } catch (IllegalStateException e) {
            throw new ApiException(Status.CONFLICT_409, e.getMessage());
        }
        Replies.cascadeOk(res, "following the new stream: the full resync runs now, the old readings are served "
                + "until it is done", Replies.object("stream", stream.value()));
    }
}
