package io.weathersync.adapter.http.server;

import io.weathersync.adapter.http.client.PushAuth;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * A node's protections against hostile clients beyond its routes' own checks, each with a safe default:
 * the push MAC ({@link PushAuth}: the master's key to hand out, or the slave's learned one) and, on a slave, the
 * slave's own admin token for its operator endpoints (unset: they answer 403 saying so).
 *
 * @param push       authenticates pushes to a slave; on a master, the key its heartbeat replies hand out
 * @param adminToken a slave's own {@code ADMIN_TOKEN}; unused on a master, whose token is in its dependencies
 */
public record Protections(PushAuth push, Optional<String> adminToken) {

    /** Requires every part. */
    public Protections {
        Objects.requireNonNull(push, "push");
        Objects.requireNonNull(adminToken, "adminToken");
    }

    /** The defaults: no push key yet (every push refused until one is learned), no slave admin token. */
    public static Protections defaults(Clock clock) {
        return new Protections(PushAuth.awaitingKey(clock), Optional.empty());
    }
}
