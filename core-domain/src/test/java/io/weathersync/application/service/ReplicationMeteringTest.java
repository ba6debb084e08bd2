package io.weathersync.application.service;

import io.weathersync.adapter.memory.InMemoryChangeLog;
import io.weathersync.adapter.memory.InMemoryMasterClient;
import io.weathersync.adapter.memory.InMemoryReplica;
import io.weathersync.application.port.out.ReplicationMeter;
import io.weathersync.application.port.out.ThreadContext;
import io.weathersync.domain.message.SignatureCheck;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.sync.FollowConsent;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.weathersync.testing.TestReadings.T0;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a slave's replication reports to its meter (apply latency from a live change's receipt, catch-up pages and
 * rows), and the context work handed to the replication thread takes along.
 */
class ReplicationMeteringTest {

    private static final SignatureCheck ACCEPT_ALL = signed -> { };
    private static final int PAGE = 2;

    private final InMemoryChangeLog master = new InMemoryChangeLog();
    private final InMemoryMasterClient client = new InMemoryMasterClient(master, null);
    private final InMemoryReplica replica = new InMemoryReplica();
    private final MutableClock clock = new MutableClock(T0);
    private final RecordingMeter meter = new RecordingMeter();
    private final ReplicationServices service = ReplicationServices.of(replica, client, ACCEPT_ALL, clock, PAGE, 16,
            FollowConsent.NONE, meter, ThreadContext.NONE);

    @Test
    void aLiveChangeIsTimedFromItsReceiptToItsApply() {
        service.catchUp().catchUp();
        List<SignedChange> next = unsigned(append(2, 0));

        service.progress().received(next);
        clock.advance(Duration.ofMillis(40));
        service.live().receive(next);

        assertThat(meter.latencies).containsExactly(Duration.ofMillis(40), Duration.ofMillis(40));
    }

    @Test
    void aLiveChangeAheadOfAGapIsTimedUntilTheCatchUpThatFillsItAppliedIt() {
        service.catchUp().catchUp();
        meter.pages.clear();
        List<Change> three = append(3, 0);
        List<SignedChange> last = unsigned(List.of(three.get(2)));

        service.progress().received(last);
        clock.advance(Duration.ofSeconds(2));
        service.live().receive(last);

        assertThat(replica.state().appliedSeq()).isEqualTo(3);
        assertThat(meter.latencies).containsExactly(Duration.ofSeconds(2));
        assertThat(meter.pages).containsExactly(2, 1);
    }

    @Test
    void aDuplicateIsNotTimedAndLeavesNoReceiptBehind() {
        service.catchUp().catchUp();
        List<SignedChange> first = unsigned(append(1, 0));
        service.live().receive(first);

        service.progress().received(first);
        service.live().receive(first);
        List<SignedChange> second = unsigned(append(1, 1));
        service.progress().received(second);
        clock.advance(Duration.ofMillis(5));
        service.live().receive(second);

        assertThat(meter.latencies).containsExactly(Duration.ofMillis(5));
    }

    @Test
    void everyCatchUpPageIsReportedWithItsRowsAndAnUpToDateCheckAsOneEmptyPage() {
        append(5, 0);

        service.catchUp().catchUp();
        service.catchUp().catchUp();

        assertThat(meter.pages).containsExactly(2, 2, 1, 0);
        assertThat(meter.latencies).isEmpty();
    }

    @Test
    void workHandedToTheReplicationThreadRunsInTheContextOfTheThreadThatHandedItOver() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        ThreadContext named = new ThreadContext() {
            @Override
            public <T> Callable<T> carry(Callable<T> work) {
                String from = Thread.currentThread().getName();
                return () -> {
                    ran.add(from + " -> " + Thread.currentThread().getName());
                    return work.call();
                };
            }
        };
        ReplicationServices carried = ReplicationServices.of(replica, client, ACCEPT_ALL, clock, PAGE, 16,
                FollowConsent.NONE, meter, named);
        String caller = Thread.currentThread().getName();
        try (SerialReplication serial = new SerialReplication(carried, 10)) {
            serial.tryCatchUp();
            Thread asker = new Thread(serial::requestCatchUp, "heartbeat");
            asker.start();
            asker.join();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (ran.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }

        assertThat(ran).containsExactly(caller + " -> replication", "heartbeat -> replication");
    }

    private List<Change> append(int count, int firstMinute) {
        List<WeatherReading> readings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            readings.add(reading("City " + i, firstMinute + i, i));
        }
        return master.append(readings);
    }

    private static List<SignedChange> unsigned(List<Change> changes) {
        return changes.stream().map(change -> new SignedChange(change, null)).toList();
    }

    private static final class RecordingMeter implements ReplicationMeter {
        final List<Duration> latencies = new CopyOnWriteArrayList<>();
        final List<Integer> pages = new CopyOnWriteArrayList<>();

        @Override
        public void applied(Duration sinceReceipt) {
            latencies.add(sinceReceipt);
        }

        @Override
        public void pulled(int rows) {
            pages.add(rows);
        }
    }
}
