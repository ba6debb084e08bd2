package io.weathersync.adapter.redis;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.weathersync.application.port.out.ThreadContext;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.RejectedMessage.Kind;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.StreamId;
import io.weathersync.wire.ChangeJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.weathersync.testing.Eventually.await;
import static io.weathersync.testing.TestReadings.full;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Redis adapters on the shared Redis, seen from outside: the wire format, bad input, counters. */
class LettuceChangeSubscriberIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RedisClient raw;
    private static StatefulRedisConnection<String, String> rawConnection;

    private final String channel = TestRedis.newChannel();
    private final StreamId stream = StreamId.random();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void connectRawClient() {
        raw = RedisClient.create(TestRedis.uri());
        rawConnection = raw.connect();
    }

    @AfterAll
    static void closeRawClient() {
        rawConnection.close();
        raw.shutdown();
    }

    @AfterEach
    void closeAdapters() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }

    private <T extends AutoCloseable> T opened(T closeable) {
        opened.add(closeable);
        return closeable;
    }

    private LettuceChangeSubscriber startedSubscriber(RecordingListener listener) {
        return startedSubscriber(listener, ThreadContext.NONE);
    }

    private LettuceChangeSubscriber startedSubscriber(RecordingListener listener, ThreadContext context) {
        LettuceChangeSubscriber subscriber = opened(new LettuceChangeSubscriber(TestRedis.uri(), channel, context));
        subscriber.start(listener);
        await("the subscription", () -> listener.connected.get() == 1, listener::toString);
        return subscriber;
    }

    private SignedChange change(long seq) {
        return new SignedChange(new Change(stream, seq, reading("Oslo", seq, 1.5)), "c2ln" + seq);
    }

    @Test
    void aPlainSeedSubscriberSeesTheSeedFieldsAtTheTopLevelOfEveryMessage() throws Exception {
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        try (StatefulRedisPubSubConnection<String, String> plain = raw.connectPubSub()) {
            plain.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String from, String message) {
                    messages.add(message);
                }
            });
            plain.sync().subscribe(channel);
            LettuceChangePublisher publisher = opened(new LettuceChangePublisher(TestRedis.uri(), channel));
            SignedChange beijing = new SignedChange(
                    new Change(stream, 42, full("Beijing", Instant.parse("2026-11-23T10:00:00Z"))), "c2ln");

            publisher.publish(List.of(beijing, change(43)));

            for (SignedChange expected : List.of(beijing, change(43))) {
                String message = messages.poll(5, TimeUnit.SECONDS);
                assertThat(message).as("message for seq %d", expected.change().seq()).isNotNull();
                Map<String, Object> fields = JSON.readValue(message, new TypeReference<>() { });
                assertThat(fields).containsEntry("v", 1).containsEntry("stream", stream.value())
                        .containsEntry("seq", (int) expected.change().seq())
                        .containsEntry("city", expected.change().reading().city().name())
                        .containsEntry("temp", expected.change().reading().temperature())
                        .containsEntry("humidity", expected.change().reading().humidity())
                        .containsEntry("timestamp", expected.change().reading().observedAt().toString())
                        .containsEntry("sig", expected.sig());
            }
            assertThat(messages.poll(200, TimeUnit.MILLISECONDS)).as("one message per change").isNull();
            await("the publisher to count both", () -> publisher.published() == 2, () -> publisher.failed());
        }
    }

    /** Sends {@code sent} with every message, and records what each received message carried. */
    private static ThreadContext context(Optional<String> sent, List<Optional<String>> received) {
        return new ThreadContext() {
            @Override
            public <T> Callable<T> carry(Callable<T> work) {
                return work;
            }

            @Override
            public Optional<String> outgoing() {
                return sent;
            }

            @Override
            public void within(Optional<String> incoming, Runnable work) {
                received.add(incoming);
                work.run();
            }
        };
    }

    @Test
    void everyMessageCarriesThePublishersContextAndIsHandedOverInIt() throws Exception {
        String trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        List<Optional<String>> carried = new CopyOnWriteArrayList<>();
        RecordingListener listener = new RecordingListener();
        startedSubscriber(listener, context(Optional.empty(), carried));
        LettuceChangePublisher publisher = opened(new LettuceChangePublisher(TestRedis.uri(), channel,
                PublishLimits.DEFAULTS, context(Optional.of(trace), new ArrayList<>())));

        publisher.publish(List.of(change(1), change(2)));
        Map<String, Object> third = JSON.readValue(new ChangeJson().toJsonBytes(change(3)), new TypeReference<>() { });
        rawConnection.sync().publish(channel, JSON.writeValueAsString(with(third, "traceparent", List.of(trace))));

        await("all three changes", () -> listener.received.size() == 3, listener::toString);
        assertThat(listener.seqs()).containsExactly(1L, 2L, 3L);
        assertThat(carried).as("a traceparent that is not text is left out; the change still counts")
                .containsExactly(Optional.of(trace), Optional.of(trace), Optional.empty());
        assertThat(listener.rejected).isEmpty();
    }

    @Test
    void garbageIsRejectedByKindAndTheSubscriberKeepsWorking() throws Exception {
        RecordingListener listener = new RecordingListener();
        LettuceChangeSubscriber subscriber = startedSubscriber(listener);
        Map<String, Object> valid = JSON.readValue(new ChangeJson().toJsonBytes(change(1)), new TypeReference<>() { });
        List<String> garbage = List.of(
                "not json at all",
                "[1, 2",
                "42",
                JSON.writeValueAsString(with(valid, "v", 2)),
                JSON.writeValueAsString(with(valid, "temp", "hot")),
                JSON.writeValueAsString(with(valid, "seq", 1.5)),
                JSON.writeValueAsString(with(valid, "humidity", 150)),
                "{\"pad\":\"" + "x".repeat(ChangeJson.MAX_MESSAGE_BYTES) + "\"}");

        for (String message : garbage) {
            rawConnection.sync().publish(channel, message);
        }
        await("every rejection", () -> listener.rejected.size() == garbage.size(), listener::toString);
        rawConnection.sync().publish(channel, JSON.writeValueAsString(with(valid, "seq", 2)));
        opened(new LettuceChangePublisher(TestRedis.uri(), channel)).publish(List.of(change(3)));

        await("the valid changes after the garbage", () -> listener.received.size() == 2, listener::toString);
        assertThat(listener.seqs()).containsExactly(2L, 3L);
        assertThat(listener.rejected).extracting(RejectedMessage::kind).containsExactly(
                Kind.MALFORMED, Kind.MALFORMED, Kind.MALFORMED, Kind.UNKNOWN_VERSION,
                Kind.INVALID_FIELD, Kind.INVALID_FIELD, Kind.INVALID_FIELD, Kind.MALFORMED);
        assertThat(listener.rejected.get(4)).hasMessageContaining("temp");
        assertThat(listener.rejected.get(5)).hasMessageContaining("seq");
        assertThat(listener.rejected.get(6)).hasMessageContaining("humidity");
        assertThat(listener.rejected.get(7)).hasMessageContaining("limit");
        assertThat(subscriber.received()).isEqualTo(garbage.size() + 2);
        assertThat(subscriber.rejected(Kind.MALFORMED)).isEqualTo(4);
        assertThat(subscriber.rejected(Kind.UNKNOWN_VERSION)).isEqualTo(1);
        assertThat(subscriber.rejected(Kind.INVALID_FIELD)).isEqualTo(3);
        assertThat(subscriber.dropped()).isZero();
    }

    @Test
    void anArrayMessageDeliversItsGoodElementsAndRejectsOnlyTheBadOne() throws Exception {
        RecordingListener listener = new RecordingListener();
        startedSubscriber(listener);
        Map<String, Object> valid = JSON.readValue(new ChangeJson().toJsonBytes(change(1)), new TypeReference<>() { });

        rawConnection.sync().publish(channel, JSON.writeValueAsString(
                List.of(valid, with(valid, "city", ""), with(valid, "seq", 2))));

        await("both good elements and the rejection",
                () -> listener.received.size() == 2 && listener.rejected.size() == 1, listener::toString);
        assertThat(listener.seqs()).containsExactly(1L, 2L);
        assertThat(listener.rejected.getFirst().kind()).isEqualTo(Kind.INVALID_FIELD);
        assertThat(listener.rejected.getFirst()).hasMessageContaining("element 1").hasMessageContaining("city");
    }

    @Test
    void theListenerIsCalledOnTheSubscribersOwnThreadNotLettucesEventLoop() {
        RecordingListener listener = new RecordingListener();
        startedSubscriber(listener);

        rawConnection.sync().publish(channel, "garbage");
        opened(new LettuceChangePublisher(TestRedis.uri(), channel)).publish(List.of(change(1)));

        await("a change and a rejection", () -> listener.received.size() == 1 && listener.rejected.size() == 1,
                listener::toString);
        assertThat(listener.threads).containsOnly("redis-change-listener");
    }

    @Test
    void thePublisherCountsWhatRedisAccepted() {
        LettuceChangePublisher publisher = opened(new LettuceChangePublisher(TestRedis.uri(), channel));

        publisher.publish(List.of(change(1), change(2), change(3)));

        await("three published", () -> publisher.published() == 3, () -> "failed " + publisher.failed());
        assertThat(publisher.failed()).isZero();
    }

    @Test
    void startingASubscriberTwiceIsRefused() {
        LettuceChangeSubscriber subscriber = startedSubscriber(new RecordingListener());

        assertThatThrownBy(() -> subscriber.start(new RecordingListener()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already started");
    }

    @Test
    void aBadUriOrChannelIsRefusedWithoutRepeatingTheUri() {
        assertThatThrownBy(() -> new LettuceChangePublisher("http://user:s3cret@localhost", channel))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redisUri")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> new LettuceChangeSubscriber("not a uri", channel))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("redisUri");
        assertThatThrownBy(() -> new LettuceChangeSubscriber(TestRedis.uri(), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel");
    }

    private static Map<String, Object> with(Map<String, Object> fields, String name, Object value) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(fields);
        copy.put(name, value);
        return copy;
    }
}
