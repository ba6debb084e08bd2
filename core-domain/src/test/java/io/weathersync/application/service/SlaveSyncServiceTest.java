package io.weathersync.application.service;

import io.weathersync.adapter.memory.InMemoryChangeLog;
import io.weathersync.adapter.memory.InMemoryNodeRegistry;
import io.weathersync.application.port.out.PushFailedException;
import io.weathersync.application.port.out.SyncOutcome;
import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.HeartbeatRecord;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.cluster.SyncLogQuery;
import io.weathersync.domain.cluster.SyncLogRecord;
import io.weathersync.domain.cluster.SyncOperation;
import io.weathersync.domain.message.ChangeSigner;
import io.weathersync.domain.message.ChangeVerifier;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.ReadingRange;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.SyncPush;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.testing.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import static io.weathersync.testing.TestReadings.T0;
import static io.weathersync.testing.TestReadings.at;
import static io.weathersync.testing.TestReadings.exactChanges;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The master's push to one slave on request: signed catch-up pages, repair pages for a range, the sync log. */
class SlaveSyncServiceTest {

    private static final int PAGE = 3;
    private static final String URL = "http://127.0.0.1:8081";
    private static KeyPair master;

    private final InMemoryChangeLog log = new InMemoryChangeLog();
    private final InMemoryNodeRegistry registry = new InMemoryNodeRegistry();
    private final RecordingSlavePush transport = new RecordingSlavePush();
    private final MutableClock clock = new MutableClock(T0.plus(Duration.ofHours(1)));
    private final Node slave = new Node("node-1", NodeType.CHILD, "slave-1", "", URL, true, T0);
    private SlaveSyncService service;

    @BeforeAll
    static void key() throws GeneralSecurityException {
        master = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private SlaveSyncService service() {
        if (service == null) {
            registry.add(slave);
            service = new SlaveSyncService(log, registry, transport, new ChangeSigner(master.getPrivate()), clock,
                    PAGE);
        }
        return service;
    }

    /** Appends {@code count} new readings one by one, so that they get the next seqs. */
    private void append(int count) {
        long first = log.head();
        for (int i = 0; i < count; i++) {
            log.append(List.of(reading("City " + (first + i) % 3, first + i, i)));
        }
    }

    private void heartbeat(StreamId stream, long appliedSeq) {
        service();
        registry.recordHeartbeat(new HeartbeatRecord(slave.id(), clock.instant(),
                new Heartbeat(stream, appliedSeq, null, Duration.ofMinutes(5), "test", "127.0.0.1", 8081)));
    }

    /** Every pushed page, each checked to be for the slave's URL and signed by the master. */
    private List<SyncPush> pushes() {
        ChangeVerifier verifier = new ChangeVerifier(master.getPublic());
        List<SyncPush> pages = new ArrayList<>();
        for (RecordingSlavePush.Pushed pushed : transport.pushed()) {
            assertThat(pushed.apiUrl()).isEqualTo(URL);
            verifier.verify(pushed.push());
            pages.add(pushed.push().push());
        }
        return pages;
    }

    private static List<List<Long>> seqs(List<SyncPush> pages) {
        return pages.stream().map(p -> p.page().changes().stream().map(Change::seq).toList()).toList();
    }

    private List<SyncLogEntry> syncLog() {
        return entries(Optional.of(slave.id()));
    }

    private List<SyncLogEntry> entries(Optional<String> nodeId) {
        return registry.syncLogs(new SyncLogQuery(nodeId, Optional.empty(), 10, 0)).records().stream()
                .map(SyncLogRecord::entry).toList();
    }

    @Test
    void pushesTheLogAfterTheSlavesLastHeartbeatSeqAsSignedCatchUpPages() {
        append(7);
        heartbeat(log.stream(), 2);

        SyncOutcome outcome = service().sync("slave-1", Optional.empty());

        List<SyncPush> pages = pushes();
        assertThat(pages).extracting(SyncPush::kind).containsOnly(SyncPush.Kind.CATCH_UP);
        assertThat(pages).extracting(SyncPush::after).containsExactly(2L, 5L);
        assertThat(seqs(pages)).containsExactly(List.of(3L, 4L, 5L), List.of(6L, 7L));
        assertThat(pages).extracting(p -> p.page().completeThrough()).containsExactly(5L, 7L);
        assertThat(pages.getLast().page().isLast()).isTrue();
        assertThat(exactChanges(pages.getFirst().page().changes()))
                .isEqualTo(exactChanges(log.changesAfter(2, PAGE).changes()));
        assertThat(outcome).isEqualTo(new SyncOutcome(2, 7, 5, 0));
    }

    @Test
    void aSlaveNeverHeardFromOrNeverSyncedGetsTheLogFromZero() {
        append(4);

        SyncOutcome unheard = service().sync("slave-1", Optional.empty());
        heartbeat(null, 0);
        SyncOutcome unsynced = service().sync("slave-1", Optional.empty());

        assertThat(pushes()).extracting(SyncPush::after).containsExactly(0L, 3L, 0L, 3L);
        assertThat(unheard).isEqualTo(new SyncOutcome(0, 4, 4, 0));
        assertThat(unsynced).isEqualTo(unheard);
    }

    @Test
    void aSlaveFollowingAnotherStreamGetsTheLogFromZero() {
        append(4);
        heartbeat(new StreamId("an-older-stream"), 3);

        SyncOutcome outcome = service().sync("slave-1", Optional.empty());

        assertThat(pushes()).extracting(SyncPush::after).containsExactly(0L, 3L);
        assertThat(outcome).isEqualTo(new SyncOutcome(0, 4, 4, 0));
    }

    @Test
    void aSlaveAtOrBeyondTheHeadGetsOneEmptyPageCompleteThroughTheHead() {
        append(4);
        heartbeat(log.stream(), 4);
        SyncOutcome level = service().sync("slave-1", Optional.empty());
        heartbeat(log.stream(), 9);
        SyncOutcome ahead = service().sync("slave-1", Optional.empty());

        List<SyncPush> pages = pushes();
        assertThat(pages).hasSize(2).allSatisfy(page -> {
            assertThat(page.after()).isEqualTo(4);
            assertThat(page.page().changes()).isEmpty();
            assertThat(page.page().completeThrough()).isEqualTo(4);
        });
        assertThat(level).isEqualTo(new SyncOutcome(4, 4, 0, 0));
        assertThat(ahead).isEqualTo(level);
    }

    @Test
    void aRangeIsReSentAsSignedRepairPagesAfterTheCatchUp() {
        for (int minute = 0; minute < 5; minute++) {
            log.append(List.of(reading("Oslo", minute, minute), reading("Bergen", minute, minute)));
        }
        log.append(List.of(reading("Oslo", 1, 42)));
        heartbeat(log.stream(), 9);
        ReadingRange oslo = new ReadingRange(new City("oslo"), at(0), at(5));

        SyncOutcome outcome = service().sync("slave-1", Optional.of(oslo));

        List<SyncPush> pages = pushes();
        assertThat(pages).extracting(SyncPush::kind)
                .containsExactly(SyncPush.Kind.CATCH_UP, SyncPush.Kind.REPAIR, SyncPush.Kind.REPAIR);
        assertThat(seqs(pages)).containsExactly(List.of(10L, 11L), List.of(1L, 5L, 7L), List.of(9L, 11L));
        List<SyncPush> repairs = pages.subList(1, 3);
        assertThat(repairs).extracting(SyncPush::after).containsOnly(0L);
        assertThat(repairs).extracting(p -> p.page().completeThrough()).containsExactly(7L, 11L);
        assertThat(repairs).allSatisfy(p -> assertThat(p.page().changes())
                .allSatisfy(c -> assertThat(oslo.contains(c.reading())).isTrue()));
        assertThat(repairs.getLast().page().changes().getLast().reading()).isEqualTo(reading("Oslo", 1, 42));
        assertThat(outcome).isEqualTo(new SyncOutcome(9, 11, 2, 5));
        assertThat(syncLog()).singleElement().satisfies(entry -> {
            assertThat(entry.success()).isTrue();
            assertThat(entry.count()).isEqualTo(7);
            assertThat(entry.detail()).startsWith("re-sent ");
        });
    }

    @Test
    void anEmptyRangeIsOneEmptyRepairPage() {
        append(4);
        heartbeat(log.stream(), 4);

        SyncOutcome outcome = service().sync("slave-1",
                Optional.of(new ReadingRange(new City("Atlantis"), at(0), at(100))));

        List<SyncPush> pages = pushes();
        assertThat(pages).extracting(SyncPush::kind).containsExactly(SyncPush.Kind.CATCH_UP, SyncPush.Kind.REPAIR);
        assertThat(pages.getLast().page().changes()).isEmpty();
        assertThat(pages.getLast().page().isLast()).isTrue();
        assertThat(outcome).isEqualTo(new SyncOutcome(4, 4, 0, 0));
    }

    @Test
    void anUnknownSlaveIsNoSuchElementAndNothingIsPushedOrLogged() {
        append(2);
        service();
        registry.add(new Node("node-0", NodeType.PARENT, "master-1", "", URL, true, T0));

        assertThatThrownBy(() -> service().sync("nobody", Optional.empty()))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("slave_name: no slave named 'nobody'");
        assertThatThrownBy(() -> service().sync("master-1", Optional.empty()))
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("slave_name: no slave named 'master-1'");
        assertThat(transport.pushed()).isEmpty();
        assertThat(entries(Optional.empty())).isEmpty();
    }

    @Test
    void aDisabledSlaveIsRefusedAndNothingIsPushed() {
        append(2);
        service();
        registry.update(slave.withActive(false));

        assertThatThrownBy(() -> service().sync("slave-1", Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("slave 'slave-1' is disabled");
        assertThat(transport.pushed()).isEmpty();
        assertThat(syncLog()).isEmpty();
    }

    @Test
    void aSlaveWithoutAnApiUrlIsRefusedAndNothingIsPushed() {
        append(2);
        registry.add(new Node("node-2", NodeType.CHILD, "slave-2", "", "", true, T0));

        assertThatThrownBy(() -> service().sync("slave-2", Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("slave 'slave-2' has no api_url to push to");
        assertThat(transport.pushed()).isEmpty();
        assertThat(entries(Optional.empty())).isEmpty();
    }

    @Test
    void aFailedPushIsThrownAndLoggedAsFailedWithHowFarItGot() {
        append(7);
        heartbeat(log.stream(), 2);
        transport.failFrom(2);

        assertThatThrownBy(() -> service().sync("slave-1", Optional.empty()))
                .isInstanceOf(PushFailedException.class)
                .hasMessage("connection refused by " + URL);

        assertThat(pushes()).extracting(SyncPush::after).containsExactly(2L);
        assertThat(syncLog()).singleElement().isEqualTo(SyncLogEntry.at(slave.id(), SyncOperation.SYNC_REQUEST,
                false, 3, 2, 5, clock.instant(), "connection refused by " + URL));
    }

    @Test
    void aPushFailingWhileReSendingIsLoggedAsFailedToo() {
        append(4);
        heartbeat(log.stream(), 4);
        transport.failFrom(2);

        assertThatThrownBy(() -> service().sync("slave-1", Optional.of(ReadingRange.ALL)))
                .isInstanceOf(PushFailedException.class);

        assertThat(syncLog()).singleElement().satisfies(entry -> {
            assertThat(entry.success()).isFalse();
            assertThat(entry.operation()).isEqualTo(SyncOperation.SYNC_REQUEST);
            assertThat(entry.toSeq()).isEqualTo(4);
        });
    }

    @Test
    void aSuccessfulSyncIsLoggedWithItsRangeOfSeqsAndCount() {
        append(7);
        heartbeat(log.stream(), 2);

        service().sync("slave-1", Optional.empty());

        assertThat(syncLog()).containsExactly(SyncLogEntry.at(slave.id(), SyncOperation.SYNC_REQUEST, true, 5, 2, 7,
                clock.instant(), ""));
    }

    @Test
    void pushedReadingsAreTheMastersCurrentValues() {
        log.append(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1)));
        log.append(List.of(reading("Oslo", 0, 2)));
        heartbeat(log.stream(), 0);

        service().sync("slave-1", Optional.empty());

        List<WeatherReading> pushed = pushes().stream().flatMap(p -> p.page().changes().stream())
                .map(Change::reading).toList();
        assertThat(pushed).containsExactly(reading("Bergen", 0, 1), reading("Oslo", 0, 2));
    }
}
