package io.weathersync.application.port.out;

import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.weathersync.testing.Eventually.await;
import static io.weathersync.testing.Eventually.holdsFor;
import static io.weathersync.testing.TestReadings.exact;
import static io.weathersync.testing.TestReadings.full;
import static io.weathersync.testing.TestReadings.minimal;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The contract of a live bus ({@link ChangePublisher} and {@link ChangeSubscriber} on one channel): what is
 * published reaches a started subscriber, in order, with its signature and every field intact. Delivery may
 * be asynchronous, so every expectation is awaited with a bounded poll.
 */
public abstract class ChangeBusContract {

    /** How long "nothing arrives" is watched for. */
    protected static final Duration QUIET = Duration.ofMillis(300);

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** A publisher on this test's bus (channel); each test calls it at most once. */
    protected abstract ChangePublisher createPublisher();

    /** A subscriber on the same bus (channel) as {@link #createPublisher()}. */
    protected abstract ChangeSubscriber createSubscriber();

    @AfterEach
    void closeWhatWasOpened() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }

    /** A listener that keeps what it is given. */
    protected static final class Recorder implements ChangeListener {
        final AtomicInteger connected = new AtomicInteger();
        final List<SignedChange> received = new CopyOnWriteArrayList<>();
        final List<RejectedMessage> rejected = new CopyOnWriteArrayList<>();

        @Override
        public void onConnected() {
            connected.incrementAndGet();
        }

        @Override
        public void onChanges(List<SignedChange> changes) {
            received.addAll(changes);
        }

        @Override
        public void onRejected(RejectedMessage rejection) {
            rejected.add(rejection);
        }

        @Override
        public String toString() {
            return "connected " + connected + ", received " + received.size() + ", rejected " + rejected;
        }
    }

    private ChangePublisher publisher() {
        ChangePublisher publisher = createPublisher();
        opened.add(publisher);
        return publisher;
    }

    private ChangeSubscriber startedSubscriber(Recorder recorder) {
        ChangeSubscriber subscriber = createSubscriber();
        opened.add(subscriber);
        subscriber.start(recorder);
        await("the subscriber to connect", () -> recorder.connected.get() > 0, recorder::toString);
        return subscriber;
    }

    private static List<SignedChange> signed(StreamId stream, long firstSeq, List<WeatherReading> readings) {
        List<SignedChange> changes = new ArrayList<>();
        long seq = firstSeq;
        for (WeatherReading reading : readings) {
            changes.add(new SignedChange(new Change(stream, seq, reading), "c2lnLW9mLQ==" + seq));
            seq++;
        }
        return changes;
    }

    private static List<String> exactly(List<SignedChange> changes) {
        return changes.stream().map(s -> exact(s.change()) + " sig=" + s.sig()).toList();
    }

    private static void awaitAll(Recorder recorder, List<SignedChange> expected) {
        await(expected.size() + " changes to arrive", () -> recorder.received.size() >= expected.size(),
                recorder::toString);
        assertThat(exactly(recorder.received)).containsExactlyElementsOf(exactly(expected));
        assertThat(recorder.rejected).isEmpty();
    }

    @Test
    void startingASubscriberReportsTheConnection() {
        Recorder recorder = new Recorder();
        ChangeSubscriber subscriber = createSubscriber();
        opened.add(subscriber);

        subscriber.start(recorder);

        await("onConnected", () -> recorder.connected.get() == 1, recorder::toString);
        assertThat(recorder.received).isEmpty();
    }

    @Test
    void publishedChangesArriveInOrderWithTheirSignatures() {
        Recorder recorder = new Recorder();
        startedSubscriber(recorder);
        ChangePublisher publisher = publisher();
        StreamId stream = StreamId.random();
        List<SignedChange> changes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            changes.add(new SignedChange(new Change(stream, i + 1, reading("City " + i % 3, i, i)),
                    "AAEC" + i + "/+=="));
        }

        publisher.publish(changes);

        awaitAll(recorder, changes);
    }

    @Test
    void severalPublishCallsArriveInPublishOrder() {
        Recorder recorder = new Recorder();
        startedSubscriber(recorder);
        ChangePublisher publisher = publisher();
        StreamId stream = StreamId.random();
        List<SignedChange> all = new ArrayList<>();

        for (int batch = 0; batch < 10; batch++) {
            List<SignedChange> changes = signed(stream, batch * 3 + 1,
                    List.of(reading("Oslo", batch, 1), reading("Bergen", batch, 2), reading("Rome", batch, 3)));
            publisher.publish(changes);
            all.addAll(changes);
        }

        awaitAll(recorder, all);
    }

    @Test
    void everyFieldSurvivesTheTransportExactly() {
        Recorder recorder = new Recorder();
        startedSubscriber(recorder);
        ChangePublisher publisher = publisher();
        StreamId stream = StreamId.random();
        List<SignedChange> changes = signed(stream, 41, List.of(
                full("São Paulo", Instant.parse("2026-11-23T10:00:00.123Z")),
                minimal("Zürich", Instant.parse("2026-11-23T10:00:00.999Z")),
                full("北京", Instant.EPOCH)));

        publisher.publish(changes);

        awaitAll(recorder, changes);
        WeatherReading bare = recorder.received.get(1).change().reading();
        assertThat(bare.pressure()).isNull();
        assertThat(bare.weatherCode()).isNull();
    }

    @Test
    void aChangeWithoutSignatureArrivesWithoutOne() {
        Recorder recorder = new Recorder();
        startedSubscriber(recorder);
        ChangePublisher publisher = publisher();
        SignedChange unsigned = new SignedChange(new Change(StreamId.random(), 1, reading("Oslo", 0, 1)), null);

        publisher.publish(List.of(unsigned));

        awaitAll(recorder, List.of(unsigned));
        assertThat(recorder.received.getFirst().sig()).isNull();
    }

    @Test
    void aLargeBatchArrivesComplete() {
        Recorder recorder = new Recorder();
        startedSubscriber(recorder);
        ChangePublisher publisher = publisher();
        List<WeatherReading> readings = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            readings.add(full("City " + i, Instant.parse("2026-11-23T10:00:00Z").plusSeconds(i)));
        }
        List<SignedChange> changes = signed(StreamId.random(), 1, readings);

        publisher.publish(changes);

        awaitAll(recorder, changes);
    }

    @Test
    void aClosedSubscriberReceivesNothingMore() {
        Recorder recorder = new Recorder();
        ChangeSubscriber subscriber = startedSubscriber(recorder);
        ChangePublisher publisher = publisher();
        StreamId stream = StreamId.random();
        List<SignedChange> before = signed(stream, 1, List.of(reading("Oslo", 0, 1)));
        publisher.publish(before);
        awaitAll(recorder, before);

        subscriber.close();
        opened.remove(subscriber);
        publisher.publish(signed(stream, 2, List.of(reading("Oslo", 1, 1))));

        holdsFor("no delivery after close", QUIET, () -> recorder.received.size() == 1, recorder::toString);
    }

    @Test
    void publishingWithoutSubscribersDoesNotThrow() {
        ChangePublisher publisher = publisher();

        assertThatCode(() -> publisher.publish(signed(StreamId.random(), 1, List.of(reading("Oslo", 0, 1)))))
                .doesNotThrowAnyException();
    }

    @Test
    void publishingAnEmptyListDeliversNothing() {
        Recorder recorder = new Recorder();
        startedSubscriber(recorder);
        ChangePublisher publisher = publisher();

        publisher.publish(List.of());

        holdsFor("nothing delivered", QUIET, recorder.received::isEmpty, recorder::toString);
    }

    @Test
    void publishingAfterThePublisherIsClosedDoesNotThrow() {
        ChangePublisher publisher = createPublisher();
        publisher.close();

        assertThatCode(() -> publisher.publish(signed(StreamId.random(), 1, List.of(reading("Oslo", 0, 1)))))
                .doesNotThrowAnyException();
    }
}
