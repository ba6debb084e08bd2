package io.weathersync.adapter.http.server;

import io.weathersync.adapter.http.client.PushAuth;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A node's protections against hostile clients beyond its routes' own checks, each with a safe default:
 * the push MAC ({@link PushAuth}: the master's key to hand out, or the slave's learned one); on a slave, its own
 * admin token for its operator endpoints (unset: they answer 403 saying so); the origins CORS allows (none by
 * default); and per-address rate limits on reads and on other requests (0: none).
 *
 * @param push            authenticates pushes to a slave; on a master, the key its heartbeat replies hand out
 * @param adminToken      a slave's own {@code ADMIN_TOKEN}, for every route its operator signs (the sync forwarder,
 *                        follow-stream, the export); unused on a master, whose token is in its dependencies
 * @param corsOrigins     origins a browser may call the API from
 * @param readsPerSecond  GET/HEAD requests per second per client address; 0: no limit
 * @param writesPerSecond other requests per second per client address; 0: no limit
 */
public record Protections(PushAuth push, Optional<String> adminToken, List<String> corsOrigins, int readsPerSecond,
                          int writesPerSecond) {

    /** Requires every part. */
    public Protections {
        Objects.requireNonNull(push, "push");
        Objects.requireNonNull(adminToken, "adminToken");
        corsOrigins = List.copyOf(corsOrigins);
        if (readsPerSecond < 0 || writesPerSecond < 0) {
            throw new IllegalArgumentException("rate limits: must not be negative");
        }
    }

    /** The push key and admin token, no CORS origin, no rate limit. */
    public Protections(PushAuth push, Optional<String> adminToken) {
        this(push, adminToken, List.of(), 0, 0);
    }

    /** The defaults: no push key yet (every push refused until one is learned), no slave admin token. */
    public static Protections defaults(Clock clock) {
        return new Protections(PushAuth.awaitingKey(clock), Optional.empty());
    }
}
