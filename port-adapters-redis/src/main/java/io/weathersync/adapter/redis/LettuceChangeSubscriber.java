package io.weathersync.adapter.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.weathersync.application.port.out.ChangeListener;
import io.weathersync.application.port.out.ChangeSubscriber;
import io.weathersync.application.port.out.ThreadContext;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.wire.ChangeJson;
import io.weathersync.wire.LiveMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * A slave's live feed from a Redis Pub/Sub channel (Lettuce). The Lettuce callbacks only hand over: decoding
 * and every {@link ChangeListener} call run in order on a single thread this subscriber owns. Each confirmed
 * subscription, the first and the one Lettuce renews after every reconnect, calls {@code onConnected}. A message
 * is handed over in the context it carried ({@link ThreadContext#within}), so its log lines carry the master's trace.
 */
public final class LettuceChangeSubscriber implements ChangeSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(LettuceChangeSubscriber.class);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
    private static final ChangeJson JSON = new ChangeJson();
    private static final int MAX_PENDING_MESSAGES = 10_000;
    private static final long MAX_PENDING_BYTES = 64L << 20;

    private final RedisURI uri;
    private final String channel;
    private final String target;
    private final ThreadContext context;
    private final RedisClient client;
    private final ListenerDispatcher dispatcher;
    private final LongAdder received = new LongAdder();
    private final Map<RejectedMessage.Kind, LongAdder> rejected = new EnumMap<>(RejectedMessage.Kind.class);
    private final Set<RejectedMessage.Kind> loggedKinds = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile FirstConnect<StatefulRedisPubSubConnection<String, byte[]>> connect;
    private volatile SentinelWatch sentinels;
    private volatile ChangeListener listener;

    /** A subscriber to {@code channel} of the Redis at {@code redisUri} that takes no context from messages. */
    public LettuceChangeSubscriber(String redisUri, String channel) {
        this(redisUri, channel, ThreadContext.NONE);
    }

    /**
     * A subscriber to {@code channel} of the Redis at {@code redisUri}, handing each message over in the context it
     * carried; nothing happens before {@link #start}.
     *
     * @throws IllegalArgumentException if the URI or channel is not valid
     */
    public LettuceChangeSubscriber(String redisUri, String channel, ThreadContext context) {
        this.uri = RedisClients.parse(redisUri);
        this.channel = RedisClients.channel(channel);
        this.context = Objects.requireNonNull(context, "context: must not be null");
        this.target = "subscriber on " + RedisClients.describe(uri) + " channel " + channel;
        for (RejectedMessage.Kind kind : RejectedMessage.Kind.values()) {
            rejected.put(kind, new LongAdder());
        }
        this.client = RedisClients.create(uri, RedisClients.baseOptions()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.ACCEPT_COMMANDS)
                .requestQueueSize(1_000)
                .build());
        this.dispatcher = new ListenerDispatcher(target, MAX_PENDING_MESSAGES, MAX_PENDING_BYTES);
    }

    /**
     * Connects and subscribes in the background, retrying until Redis answers; returns at once.
     *
     * @throws IllegalStateException if already started or closed
     */
    @Override
    public synchronized void start(ChangeListener listener) {
        Objects.requireNonNull(listener, "listener: must not be null");
        if (closed.get() || connect != null) {
            throw new IllegalStateException(target + ": " + (closed.get() ? "closed" : "already started"));
        }
        this.listener = listener;
        client.addListener(new DisconnectLogger());
        connect = new FirstConnect<>(target, () -> client.connectPubSubAsync(CODEC, uri), this::subscribe,
                client.getResources().eventExecutorGroup());
        if (RedisClients.viaSentinel(uri)) {
            // A new primary: subscribe there at once (the old subscription closes once the new one is made).
            FirstConnect<StatefulRedisPubSubConnection<String, byte[]>> started = connect;
            sentinels = new SentinelWatch(target, client, uri,
                    () -> client.getResources().eventExecutorGroup().execute(started::renew));
        }
        connect.start();
    }

    private void subscribe(StatefulRedisPubSubConnection<String, byte[]> connection) {
        connection.addListener(new Feed());
        connection.async().subscribe(channel).whenComplete((ok, error) -> {
            if (error != null && !closed.get()) {
                LOG.warn("{}: subscribe failed, Lettuce retries on reconnect: {}", target, error.toString());
            }
        });
    }

    /** Reads a message as every live transport does; one refused whole is a single rejection. */
    private static LiveMessage read(byte[] message) {
        try {
            return JSON.readLive(message);
        } catch (RejectedMessage e) {
            return LiveMessage.refused(e);
        }
    }

    private void deliver(LiveMessage message) {
        context.within(message.traceparent(), () -> handOver(message));
    }

    private void handOver(LiveMessage message) {
        List<SignedChange> changes = message.changes();
        if (!changes.isEmpty()) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("{}: received {} changes (seq {}-{})", target, changes.size(),
                        changes.getFirst().change().seq(), changes.getLast().change().seq());
            }
            listener.onChanges(changes);
        }
        for (RejectedMessage rejection : message.rejections()) {
            rejected.get(rejection.kind()).increment();
            if (loggedKinds.add(rejection.kind())) {
                LOG.warn("{}: rejected a message ({}; further {} rejections are counted, not logged): {}",
                        target, rejection.kind(), rejection.kind(), rejection.getMessage());
            }
            listener.onRejected(rejection);
        }
    }

    /** Whether the subscription's connection is up now, for health checks. */
    public boolean isConnected() {
        FirstConnect<StatefulRedisPubSubConnection<String, byte[]>> started = connect;
        return started != null && started.isConnected();
    }

    /** Messages received on the channel so far. */
    public long received() {
        return received.sum();
    }

    /** Changes (or whole messages) rejected so far for {@code kind}. */
    public long rejected(RejectedMessage.Kind kind) {
        return rejected.get(kind).sum();
    }

    /** Messages dropped unread because the listener was too far behind. */
    public long dropped() {
        return dispatcher.dropped();
    }

    /** Unsubscribes, stops calling the listener and shuts the client down. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        dispatcher.close();
        FirstConnect<StatefulRedisPubSubConnection<String, byte[]>> started;
        synchronized (this) {
            started = connect;
        }
        try {
            if (sentinels != null) {
                sentinels.close();
            }
            if (started != null) {
                StatefulRedisPubSubConnection<String, byte[]> connection = started.connection();
                if (connection != null && connection.isOpen()) {
                    connection.async().unsubscribe(channel).get(1, TimeUnit.SECONDS);
                }
            }
        } catch (Exception e) {
            LOG.debug("{}: unsubscribe on close failed: {}", target, e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            if (started != null) {
                started.close();
            }
            RedisClients.shutdown(client);
        }
    }

    /** Lettuce's callbacks, on its event loop: count and hand over, nothing more. */
    private final class Feed extends RedisPubSubAdapter<String, byte[]> {

        @Override
        public void message(String from, byte[] message) {
            if (!channel.equals(from)) {
                return;
            }
            received.increment();
            if (message.length > ChangeJson.MAX_MESSAGE_BYTES) {
                LiveMessage tooLarge = read(message); // refused by its size alone, unread
                dispatcher.dispatch(() -> deliver(tooLarge), 0);
            } else {
                dispatcher.dispatch(() -> deliver(read(message)), message.length);
            }
        }

        @Override
        public void subscribed(String to, long count) {
            if (channel.equals(to)) {
                LOG.info("{}: subscribed", target);
                dispatcher.dispatch(() -> listener.onConnected(), 0);
            }
        }
    }

    /**
     * Says when the live feed is lost; Lettuce reconnects and resubscribes by itself. Only the current subscription
     * counts: the client's other connections (Sentinel look-ups and watches, a subscription just replaced) do not.
     */
    private final class DisconnectLogger implements RedisConnectionStateListener {

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            FirstConnect<StatefulRedisPubSubConnection<String, byte[]>> started = connect;
            if (!closed.get() && started != null && connection == started.connection()) {
                LOG.warn("{}: disconnected from Redis, reconnecting (messages until then are missed)", target);
            }
        }
    }
}
