package io.weathersync.adapter.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.weathersync.application.port.out.ChangePublisher;
import io.weathersync.application.port.out.ThreadContext;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.wire.ChangeJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Publishes each change as one JSON message on a Redis Pub/Sub channel with Lettuce's async API. Never blocks
 * beyond handing over and never throws: a failed publish is counted and logged once per failure streak.
 * While Redis is away Lettuce buffers up to {@link PublishLimits#maxQueued()} commands and reconnects by itself.
 * Each message carries the caller's context as the {@link ThreadContext} gives it (a child of its trace), so the
 * slaves log the poll cycle's or the request's trace id for the changes it made.
 */
public final class LettuceChangePublisher implements ChangePublisher {

    private static final Logger LOG = LoggerFactory.getLogger(LettuceChangePublisher.class);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final ChangeJson JSON = new ChangeJson();

    private static final Duration FIRST_CONNECT_WAIT = Duration.ofSeconds(6);

    private final String channel;
    private final ThreadContext context;
    private final String target;
    private final RedisClient client;
    private final FirstConnect<StatefulRedisConnection<String, byte[]>> connect;
    private final SentinelWatch sentinels;
    private final LongAdder published = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * A publisher on {@code channel} of the Redis at {@code redisUri}, with {@link PublishLimits#DEFAULTS}, sending
     * no context.
     */
    public LettuceChangePublisher(String redisUri, String channel) {
        this(redisUri, channel, PublishLimits.DEFAULTS, ThreadContext.NONE);
    }

    /**
     * A publisher on {@code channel} of the Redis at {@code redisUri}, each message carrying {@code context}'s
     * {@link ThreadContext#outgoing()}. Waits for the first connect attempt (up to a few seconds); if Redis is away,
     * keeps trying in the background, failing publishes till then.
     *
     * @throws IllegalArgumentException if the URI or channel is not valid
     */
    public LettuceChangePublisher(String redisUri, String channel, PublishLimits limits, ThreadContext context) {
        RedisURI uri = RedisClients.parse(redisUri);
        this.channel = RedisClients.channel(channel);
        Objects.requireNonNull(limits, "limits: must not be null");
        this.context = Objects.requireNonNull(context, "context: must not be null");
        this.target = "publisher on " + RedisClients.describe(uri) + " channel " + channel;
        ClientOptions options = RedisClients.baseOptions()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
                .requestQueueSize(limits.maxQueued())
                .timeoutOptions(TimeoutOptions.enabled(limits.timeout()))
                .build();
        this.client = RedisClients.create(uri, options);
        this.connect = new FirstConnect<>(target, () -> client.connectAsync(CODEC, uri), made -> { },
                client.getResources().eventExecutorGroup());
        // A new primary: publish there at once, not on the old one until Sentinel closes its clients.
        this.sentinels = RedisClients.viaSentinel(uri)
                ? new SentinelWatch(target, client, uri, () -> client.getResources().eventExecutorGroup()
                        .execute(connect::renew))
                : null;
        // Waiting once here lets the first publishes after start-up go out; if Redis is away, retries go on.
        connect.startAndWait(FIRST_CONNECT_WAIT);
    }

    @Override
    public void publish(List<SignedChange> changes) {
        if (changes == null) {
            fail(new IllegalArgumentException("changes: must not be null"));
            return;
        }
        StatefulRedisConnection<String, byte[]> connection = connect.connection();
        // One context for the messages of one publish: they are one batch of the caller's work.
        Optional<String> trace = context.outgoing();
        if (LOG.isDebugEnabled() && !changes.isEmpty()) {
            LOG.debug("{}: publishing {} changes (seq {}-{})", target, changes.size(),
                    changes.getFirst().change().seq(), changes.getLast().change().seq());
        }
        for (SignedChange change : changes) {
            if (closed.get()) {
                fail(new IllegalStateException("publisher is closed"));
            } else if (connection == null) {
                fail(new IllegalStateException("not connected to Redis yet"));
            } else {
                send(connection, change, trace);
            }
        }
    }

    private void send(StatefulRedisConnection<String, byte[]> connection, SignedChange change,
                      Optional<String> trace) {
        try {
            connection.async().publish(channel, JSON.toJsonBytes(change, trace)).whenComplete((receivers, error) -> {
                if (error == null) {
                    succeeded();
                } else {
                    fail(error);
                }
            });
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void succeeded() {
        published.increment();
        if (failing.compareAndSet(true, false)) {
            LOG.info("{}: publishing works again ({} failed in all)", target, failed.sum());
        }
    }

    private void fail(Throwable error) {
        failed.increment();
        if (failing.compareAndSet(false, true)) {
            LOG.warn("{}: publish failed, further failures are counted, not logged, until one succeeds: {}",
                    target, error.toString());
        }
    }

    /** Whether the connection to Redis is up now, for health checks. */
    public boolean isConnected() {
        return connect.isConnected();
    }

    /** Changes Redis accepted so far. */
    public long published() {
        return published.sum();
    }

    /** Changes that could not be published so far (Redis away, queue full, timed out, closed). */
    public long failed() {
        return failed.sum();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                if (sentinels != null) {
                    sentinels.close();
                }
                connect.close();
            } finally {
                RedisClients.shutdown(client);
            }
        }
    }
}
