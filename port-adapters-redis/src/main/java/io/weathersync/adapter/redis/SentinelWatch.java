package io.weathersync.adapter.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows the Sentinels' {@code +switch-master} events for one master id and calls {@code onSwitch} once per new
 * primary. Sentinel closes the clients of a demoted primary itself, but only when it reconfigures it, which after
 * a requested failover came 11 s after the promotion (SentinelFailoverIT); until then a PUBLISH on the old primary
 * succeeds and reaches no subscriber of the new one. Every Sentinel of the URI is watched, so one that is down
 * blinds nothing; the callback runs on Lettuce's event loop and must only hand over.
 */
final class SentinelWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SentinelWatch.class);
    private static final String SWITCH_MASTER = "+switch-master";

    private final String masterId;
    private final Runnable onSwitch;
    private final AtomicReference<String> lastPrimary = new AtomicReference<>("");
    private final List<FirstConnect<StatefulRedisPubSubConnection<String, String>>> watches = new ArrayList<>();

    /** Starts watching every Sentinel of {@code uri} (which must name Sentinels) with {@code client}'s resources. */
    SentinelWatch(String what, RedisClient client, RedisURI uri, Runnable onSwitch) {
        this.masterId = Objects.requireNonNull(uri.getSentinelMasterId(), "uri: no sentinel master id");
        this.onSwitch = Objects.requireNonNull(onSwitch, "onSwitch");
        for (RedisURI sentinel : uri.getSentinels()) {
            FirstConnect<StatefulRedisPubSubConnection<String, String>> watch = new FirstConnect<>(
                    what + ": Sentinel " + sentinel.getHost() + ":" + sentinel.getPort(),
                    () -> client.connectPubSubAsync(StringCodec.UTF8, sentinel), this::subscribe,
                    client.getResources().eventExecutorGroup());
            watches.add(watch);
            watch.start();
        }
    }

    private void subscribe(StatefulRedisPubSubConnection<String, String> connection) {
        connection.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                switched(message);
            }
        });
        connection.async().subscribe(SWITCH_MASTER);
    }

    /** {@code <master id> <old ip> <old port> <new ip> <new port>}; each Sentinel sends it, the first one counts. */
    private void switched(String message) {
        String[] fields = message.split(" ");
        if (fields.length != 5 || !masterId.equals(fields[0])) {
            return;
        }
        String primary = fields[3] + ":" + fields[4];
        if (!lastPrimary.getAndSet(primary).equals(primary)) {
            LOG.info("Sentinel: master {} switched from {}:{} to {}", masterId, fields[1], fields[2], primary);
            onSwitch.run();
        }
    }

    @Override
    public void close() {
        watches.forEach(FirstConnect::close);
    }
}
