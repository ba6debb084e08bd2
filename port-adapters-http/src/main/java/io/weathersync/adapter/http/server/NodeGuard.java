package io.weathersync.adapter.http.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.weathersync.application.port.in.AuthenticateNodeUseCase;
import io.weathersync.domain.cluster.AuthResult;
import io.weathersync.domain.cluster.Node;

import java.util.Optional;

/**
 * Admits slaves carrying {@code Authorization: AK-SK key:secret}: 401 when missing, malformed or wrong, 403 when
 * the node is disabled, 429 while the address is throttled. The header is never logged nor echoed.
 */
final class NodeGuard {

    private static final String SCHEME = "AK-SK ";

    private final AuthenticateNodeUseCase authenticate;
    private final AuthThrottle throttle;

    NodeGuard(AuthenticateNodeUseCase authenticate, AuthThrottle throttle) {
        this.authenticate = authenticate;
        this.throttle = throttle;
    }

    /** The authenticated node; else throws the 429, 401 or 403 to answer. */
    Node require(ServerRequest req) {
        // Each kind of credential has its own window per address: slaves failing with stale credentials must
        // not lock the operator out of the admin API from the same host, nor the other way round.
        String address = "node " + req.remotePeer().host();
        Throttling.refuseIfBlocked(throttle, address);
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty()) {
            throw fail(address, "Authorization: required, as 'AK-SK key:secret'");
        }
        String value = header.get();
        int colon = value.indexOf(':');
        if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || colon < 0) {
            throw fail(address, "Authorization: malformed, expected 'AK-SK key:secret'");
        }
        String key = value.substring(SCHEME.length(), colon).strip();
        String secret = value.substring(colon + 1).strip();
        if (key.isEmpty() || secret.isEmpty()) {
            throw fail(address, "Authorization: malformed, expected 'AK-SK key:secret'");
        }
        return switch (authenticate.authenticate(key, secret)) {
            case AuthResult.Authenticated authenticated -> authenticated.node();
            case AuthResult.Denied denied -> throw denied(address, denied.reason());
        };
    }

    private ApiException denied(String address, AuthResult.Reason reason) {
        return switch (reason) {
            case INVALID_CREDENTIALS -> fail(address, "Authorization: invalid credentials");
            case NODE_DISABLED -> new ApiException(Status.FORBIDDEN_403, "node is disabled");
        };
    }

    private ApiException fail(String address, String message) {
        throttle.failed(address);
        return new ApiException(Status.UNAUTHORIZED_401, message).header(HeaderNames.WWW_AUTHENTICATE, "AK-SK");
    }
}
