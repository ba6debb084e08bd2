package io.weathersync.application.service;

import io.weathersync.adapter.memory.InMemoryChangeLog;
import io.weathersync.adapter.memory.InMemoryMasterClient;
import io.weathersync.adapter.memory.InMemoryReplica;
import io.weathersync.application.port.out.Replica;
import io.weathersync.domain.cluster.RegistryBackup;
import io.weathersync.domain.message.ChangeSigner;
import io.weathersync.domain.message.ChangeVerifier;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedPush;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.HistoryPage;
import io.weathersync.domain.model.HistoryQuery;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.SyncPush;
import io.weathersync.domain.model.SyncState;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The replication thread: the one way deliveries, pushed pages and catch-ups reach the replica. */
class SerialReplicationTest {

    private static final long MIB = 1024 * 1024;
    private final InMemoryChangeLog log = new InMemoryChangeLog();
    private int appends;
    private KeyPair keys;
    private SerialReplication queue;

    @BeforeEach
    void newMasterKey() throws Exception {
        keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    @AfterEach
    void close() throws InterruptedException {
        if (queue != null) {
            queue.close();
        }
    }

    @Test
    void liveChangesAreAppliedInOrderOnTheReplicationThread() throws Exception {
        RecordingReplica replica = new RecordingReplica(new InMemoryReplica(), null);
        ReplicationServices replication = trusting(replica);
        queue = new SerialReplication(replication, 100);
        List<SignedChange> changes = signed(append(3));

        queue.listener().onChanges(changes.subList(0, 1));
        queue.listener().onChanges(changes.subList(1, 3));

        awaitAppliedSeq(replica, 3);
        assertThat(replica.threads).containsExactly("replication");
    }

    @Test
    void aBusyReplicationNeverHoldsTheTransport() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingReplica replica = new RecordingReplica(new InMemoryReplica(), release);
        ReplicationServices replication = trusting(replica);
        queue = new SerialReplication(replication, 100);
        List<SignedChange> changes = signed(append(2));

        long started = System.nanoTime();
        queue.listener().onChanges(changes.subList(0, 1));
        queue.listener().onChanges(changes.subList(1, 2));
        queue.receive(List.of());
        Duration handOver = Duration.ofNanos(System.nanoTime() - started);

        assertThat(handOver).isLessThan(Duration.ofSeconds(1));
        assertThat(replica.state().appliedSeq()).isZero();
        release.countDown();
        awaitAppliedSeq(replica, 2);
    }

    @Test
    void liveChangesThatQueuedUpMeanwhileAreAppliedTogether() throws Exception {
        RecordingReplica replica = new RecordingReplica(new InMemoryReplica(), null);
        ReplicationServices replication = trusting(replica);
        append(1);
        replication.catchUp().catchUp();
        CountDownLatch release = new CountDownLatch(1);
        replica.hold(release);
        queue = new SerialReplication(replication, 100);
        Instant at = Instant.now().minusSeconds(60);
        List<SignedChange> changes = signed(log.append(IntStream.range(0, 4)
                .mapToObj(i -> WeatherReading.of(new City("Later" + i), at, 20, 50, "test")).toList()));

        queue.receive(changes.subList(0, 1));
        awaitApplying(replica);
        for (int i = 1; i < 4; i++) {
            queue.receive(changes.subList(i, i + 1));
        }
        release.countDown();

        awaitAppliedSeq(replica, 5);
        assertThat(replica.batches).as("sizes of the applies: catch-up, first message, the three queued meanwhile")
                .containsExactly(1, 1, 3);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingReplica replica = new RecordingReplica(new InMemoryReplica(), release);
        ReplicationServices replication = trusting(replica);
        queue = new SerialReplication(replication, 1);
        List<SignedChange> changes = signed(append(3));

        queue.receive(changes.subList(0, 1));
        awaitApplying(replica);
        queue.receive(changes.subList(1, 2));
        queue.receive(changes.subList(2, 3));

        assertThat(queue.dropped()).isEqualTo(1);
        release.countDown();
        // The catch-up that the first change started already pulls the whole log: nothing is lost.
        awaitAppliedSeq(replica, 3);
    }

    @Test
    void queuedLiveChangesAreBoundedInBytesNotOnlyInDeliveries() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingReplica replica = new RecordingReplica(new InMemoryReplica(), release);
        ReplicationServices replication = trusting(replica);
        queue = new SerialReplication(replication, 1000, 4 * MIB);
        List<SignedChange> changes = signed(append(1));
        queue.receive(changes);
        awaitApplying(replica);

        // 1 MiB pushes (as the HTTP adapter counts them, by body length) while the replication thread is busy:
        // room for four of them in 4 MiB, though the queue has room for 1,000 deliveries.
        for (int i = 0; i < 10; i++) {
            queue.receive(changes, MIB);
        }

        assertThat(queue.dropped()).isEqualTo(6);
        release.countDown();
        awaitAppliedSeq(replica, 1);
        awaitDrained(queue, changes);
    }

    @Test
    void changesOfUnknownSizeAreCountedByAnEstimatePerChange() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingReplica replica = new RecordingReplica(new InMemoryReplica(), release);
        ReplicationServices replication = trusting(replica);
        queue = new SerialReplication(replication, 1000, 4 * MIB);
        List<SignedChange> changes = signed(append(1));
        queue.receive(changes);
        awaitApplying(replica);

        // A Redis message does not say its size: each change counts as an estimate, a quarter of the bound here.
        List<SignedChange> big = java.util.Collections.nCopies(
                (int) (MIB / SerialReplication.ESTIMATED_BYTES_PER_CHANGE), changes.getFirst());
        for (int i = 0; i < 10; i++) {
            queue.receive(big);
        }

        assertThat(queue.dropped()).isEqualTo(6);
        release.countDown();
        awaitAppliedSeq(replica, 1);
    }

    @Test
    void aDeliveryLargerThanTheBoundIsTakenIntoAnEmptyQueue() throws Exception {
        RecordingReplica replica = new RecordingReplica(new InMemoryReplica(), null);
        ReplicationServices replication = trusting(replica);
        queue = new SerialReplication(replication, 10, 1024);

        queue.receive(signed(append(1)), MIB);

        awaitAppliedSeq(replica, 1);
        assertThat(queue.dropped()).isZero();
    }

    /** Once the thread took what was queued, its bytes are free again: four more 1 MiB deliveries are taken. */
    private static void awaitDrained(SerialReplication queue, List<SignedChange> changes) {
        long dropped = queue.dropped();
        queue.catchUp(); // runs after everything queued before it: the queue is empty when it returns
        for (int i = 0; i < 4; i++) {
            queue.receive(changes, MIB);
        }
        assertThat(queue.dropped()).as("room again once the queue drained").isEqualTo(dropped);
    }

    @Test
    void aReconnectCatchesUpFromTheMaster() throws Exception {
        RecordingReplica replica = new RecordingReplica(new InMemoryReplica(), null);
        queue = new SerialReplication(replication(replica), 100);
        append(4);

        queue.listener().onConnected();

        awaitAppliedSeq(replica, 4);
        assertThat(replica.threads).containsExactly("replication");
    }

    @Test
    void aPushedPageIsWrittenOnTheReplicationThreadAndItsCallerGetsTheAnswer() throws Exception {
        RecordingReplica replica = new RecordingReplica(new InMemoryReplica(), null);
        ReplicationServices replication = trusting(replica);
        queue = new SerialReplication(replication, 100);
        append(1);
        queue.catchUp();
        List<Change> next = append(2);
        SignedPush page = new ChangeSigner(keys.getPrivate()).sign(new SyncPush(SyncPush.Kind.CATCH_UP, 1,
                new ChangePage(log.stream(), 3, next, 3)));

        int written = queue.receive(page);

        assertThat(written).isEqualTo(2);
        assertThat(replica.state().appliedSeq()).isEqualTo(3);
        assertThat(replica.threads).containsExactly("replication");
    }

    @Test
    void aForgedPushedPageIsRefusedToItsCallerAndWritesNothing() throws Exception {
        KeyPair intruder = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        RecordingReplica replica = new RecordingReplica(new InMemoryReplica(), null);
        ReplicationServices replication = trusting(replica);
        queue = new SerialReplication(replication, 100);
        SignedPush forged = new ChangeSigner(intruder.getPrivate()).sign(new SyncPush(SyncPush.Kind.REPAIR, 0,
                new ChangePage(log.stream(), 2, append(2), 2)));

        assertThatThrownBy(() -> queue.receive(forged)).isInstanceOf(RejectedMessage.class)
                .hasMessageContaining("sig");
        assertThat(replica.batches).isEmpty();
        assertThat(replication.progress().stats().rejected()).containsEntry(RejectedMessage.Kind.BAD_SIGNATURE, 1L);
    }

    @Test
    void aCatchUpWaitsForTheDeliveriesQueuedBeforeItAndRunsOnTheSameThread() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        RecordingReplica replica = new RecordingReplica(new InMemoryReplica(), release);
        ReplicationServices replication = trusting(replica);
        queue = new SerialReplication(replication, 100);
        List<SignedChange> changes = signed(append(2));
        queue.receive(changes.subList(0, 1));
        awaitApplying(replica);
        append(3);

        CompletableFuture<Boolean> caughtUp = CompletableFuture.supplyAsync(queue::tryCatchUp);
        Thread.sleep(200);
        assertThat(caughtUp).isNotDone();
        release.countDown();

        assertThat(caughtUp.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(replica.state().appliedSeq()).isEqualTo(5);
        assertThat(replica.threads).containsExactly("replication");
    }

    private static void awaitApplying(RecordingReplica replica) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!replica.threads.contains("replication") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(replica.threads).contains("replication");
    }

    /** Replication into {@code replica} that trusts this test's master key. */
    private ReplicationServices trusting(Replica replica) {
        ReplicationServices replication = replication(replica);
        replication.trust().trust(new ChangeVerifier(keys.getPublic()));
        return replication;
    }

    private ReplicationServices replication(Replica replica) {
        return ReplicationServices.of(replica, new InMemoryMasterClient(log, null), null, Clock.systemUTC(), 1000,
                10_000);
    }

    private List<Change> append(int count) {
        // Each call a second apart: two calls within one millisecond would write the same reading twice.
        Instant at = Instant.now().minusSeconds(600).plusSeconds(appends++);
        return log.append(java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> WeatherReading.of(new City("City" + i), at, 20 + i, 50, "test")).toList());
    }

    /** {@code changes}, each signed with this test's master key. */
    private List<SignedChange> signed(List<Change> changes) {
        ChangeSigner signer = new ChangeSigner(keys.getPrivate());
        return changes.stream().map(c -> new SignedChange(c, signer.sign(c))).toList();
    }

    private static void awaitAppliedSeq(Replica replica, long seq) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (replica.state().appliedSeq() < seq && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(replica.state().appliedSeq()).isEqualTo(seq);
    }

    /** A replica that records which threads apply, and can hold the first apply until released. */
    private static final class RecordingReplica implements Replica {

        private final Replica delegate;
        private volatile CountDownLatch release;
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final List<Integer> batches = new CopyOnWriteArrayList<>();

        RecordingReplica(Replica delegate, CountDownLatch release) {
            this.delegate = delegate;
            this.release = release;
        }

        /** Holds every apply from now on until {@code latch} is released. */
        void hold(CountDownLatch latch) {
            release = latch;
        }

        @Override
        public void apply(StreamId stream, List<Change> changes, long through) {
            threads.add(Thread.currentThread().getName());
            batches.add(changes.size());
            if (release != null) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            delegate.apply(stream, changes, through);
        }

        @Override
        public SyncState state() {
            return delegate.state();
        }

        @Override
        public Optional<SyncState> pendingResync() {
            return delegate.pendingResync();
        }

        @Override
        public void beginResync(StreamId stream) {
            delegate.beginResync(stream);
        }

        @Override
        public void finishResync() {
            delegate.finishResync();
        }

        @Override
        public int repair(StreamId stream, List<Change> changes) {
            return delegate.repair(stream, changes);
        }

        @Override
        public ChangePage export(long after, int limit) {
            return delegate.export(after, limit);
        }

        @Override
        public void keepRegistry(RegistryBackup registry) {
            delegate.keepRegistry(registry);
        }

        @Override
        public RegistryBackup registry() {
            return delegate.registry();
        }

        @Override
        public Optional<WeatherReading> latest(City city) {
            return delegate.latest(city);
        }

        @Override
        public List<WeatherReading> latestAll() {
            return delegate.latestAll();
        }

        @Override
        public HistoryPage history(HistoryQuery query) {
            return delegate.history(query);
        }

        @Override
        public Digest digest() {
            return delegate.digest();
        }
    }
}
