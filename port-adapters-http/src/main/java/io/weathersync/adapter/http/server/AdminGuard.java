package io.weathersync.adapter.http.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Admits admin requests carrying {@code Authorization: Bearer $ADMIN_TOKEN}. Without a configured token every
 * admin endpoint answers 403 saying so. The token is compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, so neither its content nor its length shows in the response time.
 */
final class AdminGuard {

    static final String DISABLED = "admin endpoints are disabled: set ADMIN_TOKEN";
    private static final String SCHEME = "Bearer ";

    private final Optional<byte[]> tokenDigest;
    private final AuthThrottle throttle;

    AdminGuard(Optional<String> adminToken, AuthThrottle throttle) {
        this.tokenDigest = adminToken.filter(token -> !token.isBlank()).map(AdminGuard::digest);
        this.throttle = throttle;
    }

    /** Returns when the request is an admin's; else throws the 403, 429 or 401 to answer. */
    void require(ServerRequest req) {
        if (tokenDigest.isEmpty()) {
            throw new ApiException(Status.FORBIDDEN_403, DISABLED);
        }
        // The token is checked first: a correct one is admitted whatever others failed (no lock-out).
        String address = req.remotePeer().host();
        Optional<String> header = req.headers().first(HeaderNames.AUTHORIZATION);
        if (header.isEmpty()) {
            throw fail(address, "none", "Authorization: required, as 'Bearer <admin token>'");
        }
        String value = header.get();
        if (!value.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            throw fail(address, "malformed", "Authorization: malformed, expected 'Bearer <admin token>'");
        }
        byte[] presented = digest(value.substring(SCHEME.length()).strip());
        if (!MessageDigest.isEqual(presented, tokenDigest.get())) {
            // Counted per presented token by a short prefix of its hash, never the token itself.
            throw fail(address, "admin token " + HexFormat.of().formatHex(presented, 0, 8),
                    "Authorization: invalid admin token");
        }
    }

    private ApiException fail(String address, String credential, String message) {
        return Throttling.failure(throttle, address, credential, "Bearer", message);
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
