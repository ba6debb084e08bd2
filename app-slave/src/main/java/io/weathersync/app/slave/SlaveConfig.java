package io.weathersync.app.slave;

import io.weathersync.runtime.NodeConfig;
import io.weathersync.runtime.OpsConfig;
import io.weathersync.runtime.ProtectionConfig;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The slave's validated configuration.
 *
 * @param node              server, data directory, database, Redis
 * @param parentUrls        the masters' base URLs: the master, and its standbys on the same database if any
 * @param apiKey            this slave's key ({@code CN...})
 * @param apiSecret         this slave's secret ({@code CS...}), a secret
 * @param syncInterval      between anti-entropy checks; also the cap of the back-off while the master is away
 * @param heartbeatInterval between heartbeats
 * @param adminToken        this slave's own {@code ADMIN_TOKEN} (the sync request it forwards, follow a new stream,
 *                          export); a secret; empty: its operator endpoints answer 403
 * @param followNewStream   whether a new stream holding fewer readings than the replica is followed anyway
 * @param queueMib          MiB of live changes the replication queue holds at most
 * @param ops               metrics, tracing, the counters' Redis key, readiness
 * @param protection        timeouts, connection cap, CORS origins, rate limits
 */
record SlaveConfig(NodeConfig node, List<URI> parentUrls, String apiKey, String apiSecret, Duration syncInterval,
                   Duration heartbeatInterval, Optional<String> adminToken, boolean followNewStream, int queueMib,
                   OpsConfig ops, ProtectionConfig protection) {

    /** Checks every part. */
    SlaveConfig {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(ops, "ops");
        parentUrls = List.copyOf(parentUrls);
        if (parentUrls.isEmpty()) {
            throw new IllegalArgumentException("CASCADE_PARENT_URL: required");
        }
        Objects.requireNonNull(apiKey, "CASCADE_API_KEY");
        Objects.requireNonNull(apiSecret, "CASCADE_API_SECRET");
        positive("CASCADE_SYNC_INTERVAL", syncInterval);
        positive("CASCADE_HEARTBEAT_INTERVAL", heartbeatInterval);
        Objects.requireNonNull(adminToken, "ADMIN_TOKEN");
        if (queueMib < 1) {
            throw new IllegalArgumentException("REPLICATION_QUEUE_MB: must be at least 1, was " + queueMib);
        }
    }

    /** The replication queue's bound in bytes. */
    long queueBytes() {
        return queueMib * 1024L * 1024L;
    }

    /** The first master URL: the one tried first, and named in the status view. */
    URI parentUrl() {
        return parentUrls.getFirst();
    }

    /** How long the slave's status view waits before showing the master offline: three missed heartbeats. */
    Duration offlineAfter() {
        return heartbeatInterval.multipliedBy(3);
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + ": must be a positive duration");
        }
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "SlaveConfig[" + node + ", parentUrls=" + parentUrls + ", apiKey=" + apiKey + ", apiSecret=***"
                + ", syncInterval=" + syncInterval + ", heartbeatInterval=" + heartbeatInterval + ", adminToken="
                + adminToken.map(set -> "***").orElse("unset") + ", followNewStream=" + followNewStream + "]";
    }
}
