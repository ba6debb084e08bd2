package io.weathersync.adapter.http.client;

import io.weathersync.adapter.http.client.FakeHttpServer.Response;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.StreamId;
import io.weathersync.testing.TestReadings;
import io.weathersync.wire.ChangeJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.weathersync.testing.Eventually.await;
import static io.weathersync.testing.Eventually.holdsFor;
import static org.assertj.core.api.Assertions.assertThat;

class HttpPushChangePublisherTest {

    private static final String RECEIVE = "/api/dms/sync/receive";
    private static final StreamId STREAM = new StreamId("master-stream-1");

    private final ChangeJson json = new ChangeJson();
    private final FakeHttpServer fast = FakeHttpServer.start();
    private final FakeHttpServer hanging = FakeHttpServer.start();
    private final List<SignedChange> received = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private long nextSeq = 1;

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
        fast.close();
        hanging.close();
    }

    private HttpPushChangePublisher publisher(List<PushTarget> targets, PushSettings settings) {
        HttpPushChangePublisher publisher = new HttpPushChangePublisher(() -> List.copyOf(targets), json, settings,
                PushAuth.withKey(new byte[32], java.time.Clock.systemUTC()));
        opened.add(publisher);
        return publisher;
    }

    private static PushSettings settings(int capacity, int maxBatch, Duration requestTimeout) {
        return new PushSettings(capacity, maxBatch, Duration.ofSeconds(1), requestTimeout, Duration.ofMillis(10),
                Duration.ofMillis(40));
    }

    private List<SignedChange> batch(int size) {
        List<SignedChange> changes = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            long seq = nextSeq++;
            changes.add(new SignedChange(new Change(STREAM, seq, TestReadings.reading("City " + seq % 7, (int) seq, 1)),
                    "c2ln" + seq));
        }
        return changes;
    }

    private FakeHttpServer.Response receive(FakeHttpServer.Request request) {
        received.addAll(json.readLive(request.body()).changes());
        return Response.json(200, "{\"code\":0,\"message\":\"ok\"}");
    }

    @Test
    void hangingSlaveDoesNotDelayTheMasterOrTheOtherSlave() {
        fast.on(RECEIVE, this::receive);
        hanging.on(RECEIVE, request -> Response.json(200, "{}").after(Duration.ofSeconds(30)));
        HttpPushChangePublisher publisher = publisher(List.of(new PushTarget("hanging", hanging.baseUrl()),
                new PushTarget("fast", fast.baseUrl())), settings(10_000, 500, Duration.ofSeconds(10)));
        List<SignedChange> all = new ArrayList<>();
        long started = System.nanoTime();

        for (int i = 0; i < 50; i++) {
            List<SignedChange> changes = batch(2);
            publisher.publish(changes);
            all.addAll(changes);
        }
        Duration publishing = Duration.ofNanos(System.nanoTime() - started);
        await("the fast slave to receive all 100 changes", Duration.ofSeconds(3),
                () -> publisher.counters().get("fast").sent() == 100, publisher::counters);

        assertThat(publishing).isLessThan(Duration.ofMillis(500));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("well within the hanging slave's timeout")
                .isLessThan(Duration.ofSeconds(3));
        assertThat(received).isEqualTo(all);
        assertThat(fast.requests(RECEIVE)).allSatisfy(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.header("X-Master-Stream")).isEqualTo(STREAM.value());
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
        });
        assertThat(publisher.counters().get("fast")).isEqualTo(new PushCounters(100, 0, 0, 0));
        assertThat(publisher.counters().get("hanging").sent()).isZero();
        long closing = System.nanoTime();
        publisher.close();
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void overflowOfASlowSlavesQueueIsDroppedAndCounted() {
        hanging.on(RECEIVE, request -> Response.json(200, "{}").after(Duration.ofSeconds(30)));
        HttpPushChangePublisher publisher = publisher(List.of(new PushTarget("hanging", hanging.baseUrl())),
                settings(10, 5, Duration.ofSeconds(20)));
        publisher.publish(batch(1));
        await("the first push to be in flight", () -> hanging.requests(RECEIVE).size() == 1);

        publisher.publish(batch(25));

        assertThat(publisher.counters().get("hanging")).isEqualTo(new PushCounters(0, 0, 15, 10));
    }

    @Test
    void unreachableSlaveIsRetriedWithBackoffUntilItAnswers() {
        AtomicInteger calls = new AtomicInteger();
        fast.on(RECEIVE, request -> calls.incrementAndGet() <= 2 ? Response.json(503, "") : receive(request));
        HttpPushChangePublisher publisher = publisher(List.of(new PushTarget("flaky", fast.baseUrl())),
                settings(100, 500, Duration.ofSeconds(2)));
        List<SignedChange> changes = batch(3);

        publisher.publish(changes);

        await("the retried push to be counted", () -> publisher.counters().get("flaky").sent() == 3,
                publisher::counters);
        assertThat(received).isEqualTo(changes);
        assertThat(publisher.counters().get("flaky")).isEqualTo(new PushCounters(3, 2, 0, 0));
    }

    @Test
    void batchRefusedByTheSlaveIsDroppedNotRetriedForever() {
        AtomicInteger calls = new AtomicInteger();
        fast.on(RECEIVE, request -> calls.incrementAndGet() == 1
                ? Response.json(400, "{\"code\":400,\"message\":\"element 0: v: unsupported version\"}")
                : receive(request));
        HttpPushChangePublisher publisher = publisher(List.of(new PushTarget("strict", fast.baseUrl())),
                settings(100, 500, Duration.ofSeconds(2)));
        publisher.publish(batch(1));
        await("the refusal to be counted", () -> publisher.counters().get("strict").dropped() == 1,
                publisher::counters);
        List<SignedChange> next = batch(2);

        publisher.publish(next);

        await("the next batch to be counted", () -> publisher.counters().get("strict").sent() == 2,
                publisher::counters);
        assertThat(received).as("the refused change is not sent again").isEqualTo(next);
        assertThat(publisher.counters().get("strict")).isEqualTo(new PushCounters(2, 1, 1, 0));
    }

    @Test
    void changesTheSlaveTookButRejectedOneByOneAreDroppedNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        fast.on(RECEIVE, request -> calls.incrementAndGet() == 1
                ? Response.json(200, "{\"result\":\"success\",\"received\":2,\"rejected\":[{\"kind\":"
                        + "\"unknown_version\",\"reason\":\"element 1: v: must be 1\"}]}")
                : receive(request));
        HttpPushChangePublisher publisher = publisher(List.of(new PushTarget("partial", fast.baseUrl())),
                settings(100, 500, Duration.ofSeconds(2)));
        publisher.publish(batch(3));
        await("the rejection to be counted", () -> publisher.counters().get("partial").dropped() == 1,
                publisher::counters);

        publisher.publish(batch(1));

        await("the next batch to be counted", () -> publisher.counters().get("partial").sent() == 3,
                publisher::counters);
        assertThat(publisher.counters().get("partial")).isEqualTo(new PushCounters(3, 0, 1, 0));
    }

    @Test
    void slavesFollowTheTargetListAndALookupFailureKeepsTheLastOnes() {
        fast.on(RECEIVE, this::receive);
        List<PushTarget> targets = new CopyOnWriteArrayList<>(List.of(new PushTarget("fast", fast.baseUrl())));
        AtomicInteger lookups = new AtomicInteger();
        HttpPushChangePublisher publisher = new HttpPushChangePublisher(() -> {
            if (lookups.incrementAndGet() == 2) {
                throw new IllegalStateException("registry down");
            }
            return List.copyOf(targets);
        }, json, settings(100, 500, Duration.ofSeconds(2)), PushAuth.withKey(new byte[32], java.time.Clock.systemUTC()));
        opened.add(publisher);

        publisher.publish(batch(1));
        publisher.publish(batch(1));
        await("both batches", () -> received.size() == 2, publisher::counters);
        targets.clear();
        publisher.publish(batch(1));

        assertThat(publisher.counters()).isEmpty();
        holdsFor("no push to a slave no longer listed", Duration.ofMillis(200), () -> received.size() == 2,
                received::toString);
    }

    @Test
    void closedPublisherStopsPromptlyAndIgnoresFurtherChanges() {
        hanging.on(RECEIVE, request -> Response.json(200, "{}").after(Duration.ofSeconds(30)));
        HttpPushChangePublisher publisher = publisher(List.of(new PushTarget("hanging", hanging.baseUrl())),
                settings(100, 500, Duration.ofSeconds(20)));
        publisher.publish(batch(1));
        await("the push to be in flight", () -> hanging.requests(RECEIVE).size() == 1);
        long started = System.nanoTime();

        publisher.close();
        publisher.publish(batch(1));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        assertThat(hanging.requests(RECEIVE)).hasSize(1);
    }
}
