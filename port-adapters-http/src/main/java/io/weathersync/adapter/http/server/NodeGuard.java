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
 * the node is disabled, 429 instead of 401 once failures are over a cap ({@link AuthThrottle}). The header is never
 * logged nor echoed.
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
        // The credentials are checked first: correct ones are admitted whatever others failed (no lock-out).
        String address = req.remotePeer().host();
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty()) {
            throw fail(address, "none", "Authorization: required, as 'AK-SK key:secret'");
        }
        String value = header.get();
        int colon = value.indexOf(':');
        if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || colon < 0) {
            throw fail(address, "malformed", "Authorization: malformed, expected 'AK-SK key:secret'");
        }
        String key = value.substring(SCHEME.length(), colon).strip();
        String secret = value.substring(colon + 1).strip();
        if (key.isEmpty() || secret.isEmpty()) {
            throw fail(address, "malformed", "Authorization: malformed, expected 'AK-SK key:secret'");
        }
        return switch (authenticate.authenticate(key, secret)) {
            case AuthResult.Authenticated authenticated -> authenticated.node();
            case AuthResult.Denied denied -> throw denied(address, key, denied.reason());
        };
    }

    private ApiException denied(String address, String key, AuthResult.Reason reason) {
        return switch (reason) {
            case INVALID_CREDENTIALS -> fail(address, "key " + key, "Authorization: invalid credentials");
            case NODE_DISABLED -> new ApiException(Status.FORBIDDEN_403, "node is disabled");
        };
    }

    private ApiException fail(String address, String credential, String message) {
        return Throttling.failure(throttle, address, credential, "AK-SK", message);
    }
}
