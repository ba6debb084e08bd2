package io.weathersync.adapter.http.server;

import java.time.Duration;
import java.util.Objects;

/**
 * What one client may hold of a node's server, so slow or numerous clients cannot exhaust it: a connection that
 * sends no complete request line within {@code idleTimeout} (slowloris) is closed, as is one idle that long between
 * requests, and one whose headers are not whole within {@code idleTimeout} of its request line; a request body must
 * arrive whole within {@code bodyTimeout}; each socket read waits at most {@code readTimeout}; at most
 * {@code maxConnections} connections are open at once (further ones wait in the accept backlog).
 *
 * @param idleTimeout    no complete request line (or none at all) for this long, or no complete headers this long
 *                       after it: the connection is closed
 * @param bodyTimeout    the longest a request body may take to arrive
 * @param readTimeout    the longest one socket read may wait
 * @param maxConnections connections open at once
 */
public record ServerLimits(Duration idleTimeout, Duration bodyTimeout, Duration readTimeout, int maxConnections) {

    /** The defaults: 20 s idle, 10 s per body, 10 s per read, 1,000 connections. */
    public static final ServerLimits DEFAULTS = new ServerLimits(Duration.ofSeconds(20), Duration.ofSeconds(10),
            Duration.ofSeconds(10), 1000);

    /** Requires positive values. */
    public ServerLimits {
        positive("idle timeout", idleTimeout);
        positive("body timeout", bodyTimeout);
        positive("read timeout", readTimeout);
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max connections: must be at least 1, was " + maxConnections);
        }
    }

    /** How often idle connections are looked for: a tenth of the idle timeout, at least 100 ms. */
    Duration idleCheckPeriod() {
        return idleTimeout.dividedBy(10).compareTo(Duration.ofMillis(100)) < 0 ? Duration.ofMillis(100)
                : idleTimeout.dividedBy(10);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + ": must be positive, was " + value);
        }
    }
}
