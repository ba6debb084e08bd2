package io.weathersync.adapter.http.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.weathersync.application.port.in.BackUpRegistryUseCase;

/**
 * {@code GET /api/v1/cascade/registry} (AK-SK): the master's node registry with credential hashes (never a
 * secret), which every slave keeps a copy of so that a master restored from it still accepts their credentials.
 */
final class RegistryBackupRoutes implements HttpService {

    private static final String PATH = "/api/v1/cascade/registry";

    private final BackUpRegistryUseCase registry;
    private final NodeGuard nodes;

    RegistryBackupRoutes(BackUpRegistryUseCase registry, NodeGuard nodes) {
        this.registry = registry;
        this.nodes = nodes;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(PATH, this::backup);
        OnlyMethods.on(rules, PATH, "GET");
    }

    private void backup(ServerRequest req, ServerResponse res) {
        nodes.require(req);
        Replies.cascadeOk(res, "ok", Replies.CODEC.toJsonObject(registry.backup()));
    }
}
