package io.weathersync.e2e;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault matrix on the production topology: Redis Pub/Sub (a private {@code redis-server}), the master on
 * MariaDB, two slaves on H2. The last live message is lost by revoking the master's ACL right to publish.
 */
class RedisTopologyIT extends FaultMatrix {

    private long rejectedBefore;

    @Override
    Topology topology() {
        return Topology.REDIS_MARIADB;
    }

    @Test
    @Order(2)
    @Override
    void redisRestartIsRepairedByCatchUpAfterReconnect() throws Exception {
        super.redisRestartIsRepairedByCatchUpAfterReconnect();
    }

    @Test
    @Order(3)
    @Override
    void frozenSlaveDroppedByRedisCatchesUpAfterSigcont() throws Exception {
        super.frozenSlaveDroppedByRedisCatchesUpAfterSigcont();
    }

    @Test
    @Order(5)
    @Override
    void garbageAndForgedMessagesAreIgnoredAndCounted() throws Exception {
        super.garbageAndForgedMessagesAreIgnoredAndCounted();
    }

    /** The master's publishes fail (NOPERM) while every connection, the subscribers' too, stays up. */
    @Override
    void loseLiveMessages() {
        rejectedBefore = cluster.redis().rejectedPublishes();
        cluster.redis().call("ACL", "SETUSER", PrivateRedis.MASTER_USER, "-publish");
    }

    @Override
    void deliverLiveMessages() {
        cluster.redis().call("ACL", "SETUSER", PrivateRedis.MASTER_USER, "+publish");
    }

    /**
     * Redis counts every PUBLISH its ACL refused ({@code INFO commandstats}, {@code rejected_calls}). The master
     * answers once the batch is stored and publishes asynchronously, so the count is awaited (bounded).
     */
    @Override
    String confirmLost(long changes) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long rejected = cluster.redis().rejectedPublishes() - rejectedBefore;
        while (rejected < changes && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(20));
            rejected = cluster.redis().rejectedPublishes() - rejectedBefore;
        }
        assertThat(rejected).as("PUBLISH calls Redis refused for the lost batch of %d changes", changes)
                .isGreaterThanOrEqualTo(changes);
        return "Redis refused " + rejected + " PUBLISH (NOPERM) for its " + changes + " changes";
    }
}
