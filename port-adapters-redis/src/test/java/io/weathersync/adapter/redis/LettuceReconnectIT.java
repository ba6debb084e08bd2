package io.weathersync.adapter.redis;

import io.weathersync.application.port.out.ThreadContext;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.StreamId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.weathersync.testing.Eventually.await;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Redis going away and coming back, on a private {@code redis-server} child process (never the shared one):
 * publishing fails without throwing or blocking and is counted, and the feed resumes by itself.
 */
class LettuceReconnectIT {

    private static final Duration RECONNECT = Duration.ofSeconds(20);
    private static final PublishLimits SHORT = new PublishLimits(100, Duration.ofSeconds(1));
    private static PrivateRedis redis;

    private final String channel = TestRedis.newChannel();
    private final StreamId stream = StreamId.random();
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeAll
    static void startPrivateRedis() throws Exception {
        redis = new PrivateRedis();
        redis.start();
    }

    @AfterAll
    static void stopPrivateRedis() {
        redis.close();
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

    private List<SignedChange> changes(long firstSeq, int count) {
        List<SignedChange> changes = new ArrayList<>(count);
        for (long seq = firstSeq; seq < firstSeq + count; seq++) {
            changes.add(new SignedChange(new Change(stream, seq, reading("Oslo", seq, 2.5)), null));
        }
        return changes;
    }

    @Test
    void afterRedisRestartsTheSubscriberReportsTheNewConnectionAndChangesFlowAgain() throws Exception {
        redis.start();
        RecordingListener listener = new RecordingListener();
        LettuceChangeSubscriber subscriber = opened(new LettuceChangeSubscriber(redis.uri(), channel));
        subscriber.start(listener);
        await("the first subscription", () -> listener.connected.get() == 1, listener::toString);
        LettuceChangePublisher publisher = opened(new LettuceChangePublisher(redis.uri(), channel, SHORT, ThreadContext.NONE));
        publisher.publish(changes(1, 1));
        await("seq 1", () -> listener.received.size() == 1, listener::toString);
        assertThat(publisher.isConnected()).isTrue();
        assertThat(subscriber.isConnected()).isTrue();

        redis.stop();
        await("both to report the connection down", () -> !publisher.isConnected() && !subscriber.isConnected(),
                () -> "publisher " + publisher.isConnected() + ", subscriber " + subscriber.isConnected());
        assertThatCode(() -> publisher.publish(changes(2, 5))).doesNotThrowAnyException();
        await("the failed publishes to be counted", () -> publisher.failed() == 5,
                () -> "published " + publisher.published() + ", failed " + publisher.failed());

        redis.start();
        await("onConnected after the restart", RECONNECT, () -> listener.connected.get() == 2, listener::toString);
        assertThat(subscriber.isConnected()).isTrue();
        long seq = 7;
        long deadline = System.nanoTime() + RECONNECT.toNanos();
        // The publisher reconnects on its own schedule: publish until a change gets through.
        while (listener.received.size() == 1 && System.nanoTime() < deadline) {
            publisher.publish(changes(seq++, 1));
            Thread.sleep(100);
        }
        await("a change after the restart", () -> listener.received.size() > 1, listener::toString);
        assertThat(listener.seqs().getFirst()).isEqualTo(1L);
        assertThat(listener.seqs().subList(1, listener.seqs().size())).allMatch(s -> s >= 7);
        assertThat(publisher.published()).isGreaterThanOrEqualTo(2);
        assertThat(listener.rejected).isEmpty();
        assertThat(subscriber.dropped()).isZero();
    }

    @Test
    void publishingTenThousandChangesWhileRedisIsDownReturnsAtOnceAndCountsThemAllAsFailed() throws Exception {
        redis.start();
        LettuceChangePublisher publisher = opened(new LettuceChangePublisher(redis.uri(), channel, SHORT, ThreadContext.NONE));
        publisher.publish(changes(1, 1));
        await("the connection to work", () -> publisher.published() == 1, () -> "failed " + publisher.failed());
        redis.stop();
        List<SignedChange> changes = changes(2, 10_000);

        long start = System.nanoTime();
        publisher.publish(changes);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // A sanity bound, not a benchmark: blocking on Redis would take the 1 s timeout per change.
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        // At most SHORT.maxQueued() wait in Lettuce's buffer for their 1 s timeout; the rest fail at once.
        await("every failure to be counted", () -> publisher.failed() == 10_000,
                () -> "published " + publisher.published() + ", failed " + publisher.failed());
        assertThat(publisher.published()).isEqualTo(1);
    }

    @Test
    void aSubscriberStartedWhileRedisIsDownConnectsOnceItIsUp() throws Exception {
        redis.stop();
        RecordingListener listener = new RecordingListener();
        LettuceChangeSubscriber subscriber = opened(new LettuceChangeSubscriber(redis.uri(), channel));
        LettuceChangePublisher publisher = opened(new LettuceChangePublisher(redis.uri(), channel, SHORT, ThreadContext.NONE));

        assertThatCode(() -> subscriber.start(listener)).doesNotThrowAnyException();
        publisher.publish(changes(1, 3));
        assertThat(publisher.failed()).as("not connected yet: failed at once").isEqualTo(3);
        assertThat(listener.connected.get()).isZero();

        redis.start();
        await("the first subscription", RECONNECT, () -> listener.connected.get() == 1, listener::toString);
        await("the publisher to connect", RECONNECT, () -> {
            publisher.publish(changes(4, 1));
            return !listener.received.isEmpty();
        }, listener::toString);
        assertThat(listener.seqs()).allMatch(s -> s >= 4);
    }
}
