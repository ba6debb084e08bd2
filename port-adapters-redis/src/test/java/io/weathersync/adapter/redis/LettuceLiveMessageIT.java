package io.weathersync.adapter.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.StreamId;
import io.weathersync.wire.LiveMessageContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;

import static io.weathersync.testing.Eventually.await;
import static io.weathersync.testing.TestReadings.reading;

/**
 * The live-message contract over the real Redis: raw bytes published on a channel of each test's own reach a real
 * {@link LettuceChangeSubscriber}. A marker change published after each message shows when the subscriber is done
 * with it, since Redis delivers one publisher's messages in order and the subscriber handles them in order.
 */
class LettuceLiveMessageIT extends LiveMessageContract {

    private static RedisClient raw;
    private static StatefulRedisConnection<String, byte[]> rawConnection;

    private final String channel = TestRedis.newChannel();
    private final StreamId markers = StreamId.random();
    private final RecordingListener listener = new RecordingListener();
    private LettuceChangeSubscriber subscriber;
    private long marker;

    @BeforeAll
    static void connectRawClient() {
        raw = RedisClient.create(TestRedis.uri());
        rawConnection = raw.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }

    @AfterAll
    static void closeRawClient() {
        rawConnection.close();
        raw.shutdown();
    }

    @BeforeEach
    void subscribe() {
        subscriber = new LettuceChangeSubscriber(TestRedis.uri(), channel);
        subscriber.start(listener);
        await("the subscription", () -> listener.connected.get() == 1, listener::toString);
    }

    @AfterEach
    void unsubscribe() {
        subscriber.close();
    }

    @Override
    protected Outcome send(byte[] message) {
        int receivedBefore = listener.received.size();
        int rejectedBefore = listener.rejected.size();
        SignedChange done = new SignedChange(new Change(markers, ++marker, reading("Marker", marker, 0)), null);

        rawConnection.sync().publish(channel, message);
        rawConnection.sync().publish(channel, JSON.toJsonBytes(done));

        await("the marker after the message", () -> listener.received.contains(done), listener::toString);
        List<SignedChange> received = List.copyOf(listener.received);
        List<RejectedMessage> rejected = List.copyOf(listener.rejected);
        return new Outcome(received.subList(receivedBefore, received.size()).stream()
                .filter(change -> !change.equals(done)).toList(), rejected.subList(rejectedBefore, rejected.size()));
    }
}
