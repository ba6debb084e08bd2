package io.weathersync.application.service;

import io.weathersync.adapter.memory.InMemoryChangeLog;
import io.weathersync.adapter.memory.InMemoryMasterClient;
import io.weathersync.adapter.memory.InMemoryNodeRegistry;
import io.weathersync.adapter.memory.InMemoryReplica;
import io.weathersync.application.port.in.ReceivePushUseCase;
import io.weathersync.application.port.out.PushFailedException;
import io.weathersync.application.port.out.SlavePush;
import io.weathersync.application.port.out.SyncOutcome;
import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.HeartbeatRecord;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.SyncLogQuery;
import io.weathersync.domain.message.ChangeSigner;
import io.weathersync.domain.message.ChangeVerifier;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedPush;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.ReadingRange;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.SyncPush;
import io.weathersync.domain.model.SyncState;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static io.weathersync.testing.TestReadings.T0;
import static io.weathersync.testing.TestReadings.at;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Seed 001's push, end to end in memory: the master's {@link SlaveSyncService} delivers signed pages straight
 * to a slave's {@link ReplicationServices}, which trusts only the master's key.
 */
class PushSyncEndToEndTest {

    private static final int PAGE = 3;
    private static final String URL = "http://127.0.0.1:8081";
    private static final KeyPair MASTER_KEY = newKey();
    private static final KeyPair INTRUDER_KEY = newKey();

    private final MutableClock clock = new MutableClock(T0.plus(Duration.ofHours(1)));
    private final InMemoryChangeLog log = new InMemoryChangeLog();
    private final InMemoryNodeRegistry registry = new InMemoryNodeRegistry();
    private final Node slave = new Node("node-1", NodeType.CHILD, "slave-1", "", URL, true, T0);
    private final InMemoryReplica replica = new InMemoryReplica();
    private final InMemoryMasterClient client = new InMemoryMasterClient(log,
            Base64.getEncoder().encodeToString(MASTER_KEY.getPublic().getEncoded()));
    private final ReplicationServices slaveSide = ReplicationServices.of(replica, client, null, clock, PAGE, 16);
    private final SlavePush toSlave = new DeliveringPush(slaveSide.pushes());
    private final SlaveSyncService masterSide = new SlaveSyncService(log, registry, toSlave,
            new ChangeSigner(MASTER_KEY.getPrivate()), clock, PAGE);

    private static KeyPair newKey() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    PushSyncEndToEndTest() {
        registry.add(slave);
        slaveSide.trust().trust(ChangeVerifier.fromBase64(client.heartbeat(heartbeatOfSlave()).publicKey()));
    }

    /** What the HTTP transport does: the slave's refusal of a page reaches the master as a failed push. */
    private record DeliveringPush(ReceivePushUseCase slave) implements SlavePush {
        @Override
        public void push(String apiUrl, SignedPush push) {
            try {
                slave.receive(push);
            } catch (RejectedMessage e) {
                throw new PushFailedException("the slave refused the page: " + e.getMessage());
            }
        }
    }

    private Heartbeat heartbeatOfSlave() {
        SyncState state = replica.state();
        return new Heartbeat(state.stream(), state.appliedSeq(), null, Duration.ofMinutes(1), "test", "", 0);
    }

    /** The master records the slave's heartbeat, as its heartbeat endpoint would. */
    private void slaveReportsItsState() {
        registry.recordHeartbeat(new HeartbeatRecord(slave.id(), clock.instant(), heartbeatOfSlave()));
    }

    /** Several batches over four cities, with corrections and re-spellings mixed in. */
    private void masterCollects(int rounds, int firstMinute) {
        for (int round = 0; round < rounds; round++) {
            int minute = firstMinute + round;
            log.append(List.of(reading("Oslo", minute, minute), reading("Bergen", minute, 1),
                    reading("Rome", minute, 20), reading("Lima", minute, 15)));
            log.append(List.of(reading("Oslo", minute, minute + 0.5), reading("BERGEN", minute, 1)));
        }
    }

    private void slaveInStep() {
        slaveSide.catchUp().catchUp();
        slaveReportsItsState();
        assertThat(replica.digest()).isEqualTo(log.digest());
    }

    @Test
    void aSlaveBehindIsCompletedByThePushAloneWhileItsMasterIsUnreachable() {
        masterCollects(2, 0);
        slaveInStep();
        long before = log.head();
        masterCollects(3, 2);
        client.reachable(false);

        SyncOutcome outcome = masterSide.sync("slave-1", Optional.empty());

        assertThat(replica.digest()).isEqualTo(log.digest());
        assertThat(outcome.fromSeq()).isEqualTo(before);
        assertThat(outcome.toSeq()).isEqualTo(log.head());
        assertThat(outcome.pushed()).isEqualTo(log.changesAfter(before, 1000).changes().size());
        assertThat(registry.syncLogs(new SyncLogQuery(Optional.of(slave.id()), Optional.empty(), 10, 0)).records())
                .singleElement().extracting(record -> record.entry().success()).isEqualTo(true);
    }

    @Test
    void aStaleHeartbeatStillCompletesTheSlave() {
        masterCollects(1, 0);
        slaveInStep();
        masterCollects(2, 1);
        slaveSide.catchUp().catchUp();
        masterCollects(2, 3);
        client.reachable(false);

        masterSide.sync("slave-1", Optional.empty());

        assertThat(replica.digest()).isEqualTo(log.digest());
    }

    @Test
    void aCorruptedReadingIsRepairedByARepairPushForItsCityOnly() {
        masterCollects(4, 0);
        slaveInStep();
        Change genuine = log.changesIn(new ReadingRange(new City("Oslo"), at(2), at(3)), 0, 10).changes().getFirst();
        WeatherReading wrong = reading("Oslo", 2, -30);
        // A damaged row: another value under the same key and seq, which no catch-up can notice.
        replica.apply(genuine.stream(), List.of(new Change(genuine.stream(), genuine.seq(), wrong)),
                replica.state().appliedSeq());
        SyncState state = replica.state();
        assertThat(slaveSide.catchUp().catchUp()).isZero();
        assertThat(replica.digest()).isNotEqualTo(log.digest());
        client.reachable(false);

        SyncOutcome elsewhere = masterSide.sync("slave-1", Optional.of(new ReadingRange(new City("Rome"), at(0),
                at(10))));
        Digest afterElsewhere = replica.digest();
        SyncOutcome oslo = masterSide.sync("slave-1", Optional.of(new ReadingRange(new City("oslo"), at(0),
                at(10))));

        assertThat(elsewhere.resent()).isEqualTo(4);
        assertThat(afterElsewhere).isNotEqualTo(log.digest());
        assertThat(oslo.resent()).isEqualTo(4);
        assertThat(replica.digest()).isEqualTo(log.digest());
        assertThat(replica.state()).isEqualTo(state);
    }

    @Test
    void aForgedPushIsRejectedCountedAndChangesNothing() {
        masterCollects(2, 0);
        slaveInStep();
        masterCollects(2, 2);
        Digest digest = replica.digest();
        SyncState state = replica.state();
        SlaveSyncService forger = new SlaveSyncService(log, registry, toSlave,
                new ChangeSigner(INTRUDER_KEY.getPrivate()), clock, PAGE);
        ChangePage all = log.changesIn(ReadingRange.ALL, 0, 1000);
        List<Change> falsified = all.changes().stream()
                .map(c -> new Change(c.stream(), c.seq(), reading(c.reading().city().name(), 0, -50))).toList();
        SyncPush forgedRepair = new SyncPush(SyncPush.Kind.REPAIR, 0,
                new ChangePage(all.stream(), all.head(), falsified.subList(0, 1), all.completeThrough()));
        client.reachable(false);

        assertThatThrownBy(() -> forger.sync("slave-1", Optional.of(ReadingRange.ALL)))
                .isInstanceOf(PushFailedException.class)
                .hasMessageContaining("sig: does not verify");
        assertThatThrownBy(() -> slaveSide.pushes().receive(new ChangeSigner(INTRUDER_KEY.getPrivate()).sign(forgedRepair)))
                .isInstanceOf(RejectedMessage.class);
        assertThatThrownBy(() -> slaveSide.pushes().receive(new SignedPush(forgedRepair, null)))
                .isInstanceOf(RejectedMessage.class);

        assertThat(replica.state()).isEqualTo(state);
        assertThat(replica.digest()).isEqualTo(digest);
        assertThat(slaveSide.progress().stats().rejected().get(RejectedMessage.Kind.BAD_SIGNATURE)).isEqualTo(3);
        assertThat(registry.syncLogs(new SyncLogQuery(Optional.of(slave.id()), Optional.empty(), 10, 0)).records())
                .singleElement().extracting(record -> record.entry().success()).isEqualTo(false);
    }

    @Test
    void aGenuinePageWithATamperedValueIsRejected() {
        masterCollects(1, 0);
        slaveInStep();
        Digest digest = replica.digest();
        ChangePage page = log.changesIn(ReadingRange.ALL, 0, 1000);
        SignedPush genuine = new ChangeSigner(MASTER_KEY.getPrivate()).sign(new SyncPush(SyncPush.Kind.REPAIR, 0,
                page));
        Change first = page.changes().getFirst();
        List<Change> tampered = new ArrayList<>(page.changes());
        tampered.set(0, new Change(first.stream(), first.seq(), reading(first.reading().city().name(), 0, 60)));
        SyncPush altered = new SyncPush(SyncPush.Kind.REPAIR, 0,
                new ChangePage(page.stream(), page.head(), tampered, page.completeThrough()));

        assertThatThrownBy(() -> slaveSide.pushes().receive(new SignedPush(altered, genuine.sig())))
                .isInstanceOf(RejectedMessage.class)
                .hasMessage("sig: does not verify for the pushed page after seq 0");
        assertThat(replica.digest()).isEqualTo(digest);
    }

    @Test
    void aCatchUpPageThatDoesNotContinueTheReplicaWritesNothing() {
        masterCollects(1, 0);
        slaveInStep();
        long applied = replica.state().appliedSeq();
        masterCollects(3, 1);
        Digest digest = replica.digest();
        ChangeSigner signer = new ChangeSigner(MASTER_KEY.getPrivate());
        long beyond = applied + 2;

        int written = slaveSide.pushes().receive(signer.sign(new SyncPush(SyncPush.Kind.CATCH_UP, beyond,
                log.changesAfter(beyond, 1000))));

        assertThat(written).isZero();
        assertThat(replica.state()).isEqualTo(new SyncState(log.stream(), applied));
        assertThat(replica.digest()).isEqualTo(digest);
        int continuing = slaveSide.pushes().receive(signer.sign(new SyncPush(SyncPush.Kind.CATCH_UP, applied,
                log.changesAfter(applied, 1000))));
        assertThat(continuing).isPositive();
        assertThat(replica.digest()).isEqualTo(log.digest());
    }

    @Test
    void aReplayedOldCatchUpPageDoesNotRevertNewerData() {
        masterCollects(1, 0);
        ChangeSigner signer = new ChangeSigner(MASTER_KEY.getPrivate());
        SignedPush old = signer.sign(new SyncPush(SyncPush.Kind.CATCH_UP, 0, log.changesAfter(0, 2)));
        SignedPush oldRepair = signer.sign(new SyncPush(SyncPush.Kind.REPAIR, 0, log.changesIn(ReadingRange.ALL, 0,
                1000)));
        log.append(List.of(reading("Oslo", 0, 7), reading("Rome", 0, 21), reading("Lima", 0, 16)));
        slaveInStep();

        int replayed = slaveSide.pushes().receive(old);
        int replayedRepair = slaveSide.pushes().receive(oldRepair);

        assertThat(replayed).isZero();
        assertThat(replayedRepair).isZero();
        assertThat(replica.digest()).isEqualTo(log.digest());
    }

    @Test
    void aPushOfAStreamTheSlaveDoesNotFollowIsNotAppliedTheSlavePullsInstead() {
        masterCollects(2, 0);
        InMemoryChangeLog other = new InMemoryChangeLog(new StreamId("another-master"));
        other.append(List.of(reading("Atlantis", 0, 30)));
        SignedPush foreign = new ChangeSigner(MASTER_KEY.getPrivate()).sign(new SyncPush(SyncPush.Kind.CATCH_UP, 0,
                other.changesAfter(0, 10)));

        int written = slaveSide.pushes().receive(foreign);

        assertThat(written).isZero();
        assertThat(replica.latest(new City("Atlantis"))).isEmpty();
        assertThat(replica.digest()).isEqualTo(log.digest());
    }

    @Test
    void aSlaveAskingForASyncGetsItPushedThroughItsMaster() {
        masterCollects(2, 0);
        slaveInStep();
        masterCollects(2, 2);
        client.answerSyncRequestsWith(masterSide);
        RequestSyncService operator = new RequestSyncService(client);

        SyncOutcome outcome = operator.requestSync("slave-1", Optional.of(new ReadingRange(new City("Lima"), at(0),
                at(2))));

        assertThat(replica.digest()).isEqualTo(log.digest());
        assertThat(outcome.resent()).isEqualTo(2);
        assertThat(outcome.toSeq()).isEqualTo(log.head());
    }
}
