package io.weathersync.application.service;

import io.weathersync.adapter.memory.InMemoryChangeLog;
import io.weathersync.adapter.memory.InMemoryMasterClient;
import io.weathersync.adapter.memory.InMemoryReplica;
import io.weathersync.application.port.out.HeartbeatReply;
import io.weathersync.application.port.out.MasterClient;
import io.weathersync.application.port.out.SyncOutcome;
import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.NodeIdentity;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.message.ChangeSigner;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.ReadingRange;
import io.weathersync.domain.model.SyncState;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.domain.status.ClusterStatus;
import io.weathersync.domain.status.NodeRole;
import io.weathersync.domain.status.NodeState;
import io.weathersync.domain.status.NodeStatus;
import io.weathersync.domain.status.StatusAggregator;
import io.weathersync.testing.MutableClock;
import org.junit.jupiter.api.BeforeAll;
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
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** A slave's heartbeat: it learns the master's key and head, catches up when behind, and reports status. */
class SlaveHeartbeatServiceTest {

    private static final int PAGE = 2;
    private static final int BUFFER = 16;
    private static final Duration OFFLINE_AFTER = Duration.ofSeconds(45);
    private static final NodeIdentity SELF =
            new NodeIdentity("slave-1", "10.0.0.8", 8081, T0.minus(Duration.ofMinutes(10)), 1, "0.1.0");
    private static final NodeIdentity MASTER = new NodeIdentity("master", "127.0.0.1", 8080, T0, 2, "");
    private static KeyPair masterKeys;
    private static KeyPair intruderKeys;

    private final InMemoryChangeLog log = new InMemoryChangeLog();
    private final InMemoryMasterClient client = new InMemoryMasterClient(log, publicKey(masterKeys));
    private final InMemoryReplica replica = new InMemoryReplica();
    private final MutableClock clock = new MutableClock(T0);
    private final StatusAggregator aggregator = new StatusAggregator(clock, OFFLINE_AFTER);
    private final ReplicationServices replication = ReplicationServices.of(replica, client, null, clock, PAGE, BUFFER);
    private final SlaveHeartbeatService service =
            new SlaveHeartbeatService(client, replica, replication.progress(), replication.trust(),
                    replication.catchUp()::tryCatchUp, SELF, MASTER, aggregator, clock);

    @BeforeAll
    static void keys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        masterKeys = generator.generateKeyPair();
        intruderKeys = generator.generateKeyPair();
    }

    private static String publicKey(KeyPair keys) {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    private static List<SignedChange> signedBy(KeyPair keys, List<Change> changes) {
        ChangeSigner signer = new ChangeSigner(keys.getPrivate());
        return changes.stream().map(change -> new SignedChange(change, signer.sign(change))).toList();
    }

    private List<Change> appendMany(int count, int firstMinute) {
        List<WeatherReading> readings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            readings.add(reading("City " + i % 3, firstMinute + i, i));
        }
        return log.append(readings);
    }

    private static NodeStatus line(ClusterStatus status, String name) {
        return status.nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aBeatLearnsTheMasterKey() {
        boolean before = replication.trust().liveCheck().isPresent();

        boolean answered = service.beat();

        assertThat(before).isFalse();
        assertThat(answered).isTrue();
        assertThat(replication.trust().liveCheck().isPresent()).isTrue();
    }

    @Test
    void afterABeatALiveChangeSignedByTheMasterIsApplied() {
        service.beat();
        List<Change> next = appendMany(1, 0);
        client.reachable(false);

        replication.live().receive(signedBy(masterKeys, next));

        assertThat(replica.state()).isEqualTo(new SyncState(log.stream(), 1));
        assertThat(replica.digest()).isEqualTo(log.digest());
        assertThat(replication.progress().stats().unverified()).isZero();
    }

    @Test
    void beforeAnyBeatALiveChangeIsNotAppliedFromTheMessage() {
        List<Change> next = appendMany(1, 0);
        client.reachable(false);

        replication.live().receive(signedBy(masterKeys, next));

        assertThat(replica.state().appliedSeq()).isZero();
        assertThat(replication.progress().stats().unverified()).isEqualTo(1);
    }

    @Test
    void afterABeatALiveChangeSignedByAnotherKeyIsRejected() {
        service.beat();
        Change forged = new Change(log.stream(), 1, reading("Oslo", 0, 42));
        client.reachable(false);

        replication.live().receive(signedBy(intruderKeys, List.of(forged)));

        assertThat(replica.state()).isEqualTo(new SyncState(log.stream(), 0));
        assertThat(replica.latestAll()).isEmpty();
        assertThat(replication.progress().stats().rejected()).containsEntry(RejectedMessage.Kind.BAD_SIGNATURE, 1L);
    }

    @Test
    void afterABeatAChangeAlteredAfterSigningIsRejected() {
        service.beat();
        Change real = appendMany(1, 0).getFirst();
        String sig = new ChangeSigner(masterKeys.getPrivate()).sign(real);
        Change altered = new Change(real.stream(), real.seq(), reading(real.reading().city().name(), 0, 42));
        client.reachable(false);

        replication.live().receive(List.of(new SignedChange(altered, sig)));

        assertThat(replica.state().appliedSeq()).isZero();
        assertThat(replication.progress().stats().rejected()).containsEntry(RejectedMessage.Kind.BAD_SIGNATURE, 1L);
    }

    @Test
    void aBeatReportsTheReplicasStateUptimeAndAddress() {
        appendMany(3, 0);
        replication.catchUp().catchUp();
        clock.advance(Duration.ofSeconds(30));

        service.beat();

        assertThat(client.lastHeartbeat()).isEqualTo(new Heartbeat(log.stream(), 3, T0,
                Duration.ofMinutes(10).plusSeconds(30), "0.1.0", "10.0.0.8", 8081));
    }

    @Test
    void aBeatFindingTheReplicaBehindCatchesUp() {
        appendMany(5, 0);

        service.beat();

        assertThat(replica.state()).isEqualTo(new SyncState(log.stream(), 5));
        assertThat(replica.digest()).isEqualTo(log.digest());
    }

    @Test
    void aBeatRecoversALostLastMessage() {
        service.beat();
        List<Change> two = appendMany(2, 0);
        client.reachable(false);
        replication.live().receive(signedBy(masterKeys, List.of(two.getFirst())));
        client.reachable(true);
        boolean behindBefore = !replica.digest().equals(log.digest());

        service.beat();

        assertThat(behindBefore).isTrue();
        assertThat(replica.state()).isEqualTo(new SyncState(log.stream(), 2));
        assertThat(replica.digest()).isEqualTo(log.digest());
    }

    @Test
    void theStatusNamesThisNodeAsTheMasterRegisteredIt() {
        client.nameTheSlave("backup1");

        service.beat();

        assertThat(service.status().nodes()).extracting(NodeStatus::name).containsExactly("master", "backup1");
    }

    @Test
    void anUnusablePublicKeyLeavesChangesUnverifiedButTheBeatStillCatchesUp() {
        appendMany(3, 0);
        InMemoryMasterClient garbledKey = new InMemoryMasterClient(log, "not-a-key");
        ReplicationServices fresh = ReplicationServices.of(replica, garbledKey, null, clock, 100, 100);
        SlaveHeartbeatService beats = new SlaveHeartbeatService(garbledKey, replica, fresh.progress(), fresh.trust(),
                fresh.catchUp()::tryCatchUp, SELF, MASTER, aggregator, clock);

        assertThatCode(() -> assertThat(beats.beat()).isTrue()).doesNotThrowAnyException();
        assertThat(fresh.trust().liveCheck().isPresent()).isFalse();
        assertThat(replica.digest()).isEqualTo(log.digest());
    }

    @Test
    void anUnreachableMasterMakesTheBeatFailWithoutThrowingAndChangesNothing() {
        appendMany(3, 0);
        client.reachable(false);

        assertThatCode(() -> assertThat(service.beat()).isFalse()).doesNotThrowAnyException();
        assertThat(replica.state()).isEqualTo(SyncState.EMPTY);
        assertThat(replication.trust().liveCheck().isPresent()).isFalse();
        assertThat(client.lastHeartbeat()).isNull();
    }

    @Test
    void theStatusShowsTheMasterThenItselfAndTheMasterIsOfflineBeforeTheFirstBeat() {
        clock.advance(Duration.ofSeconds(5));

        ClusterStatus status = service.status();

        assertThat(status.nodes()).extracting(NodeStatus::name).containsExactly("master", "slave-1");
        assertThat(status.nodes()).extracting(NodeStatus::role).containsExactly(NodeRole.MASTER, NodeRole.SLAVE);
        assertThat(status.nodes().getFirst().state()).isEqualTo(NodeState.OFFLINE);
        assertThat(line(status, "slave-1").state()).isEqualTo(NodeState.RUNNING);
        assertThat(line(status, "slave-1").uptimeSeconds()).isEqualTo(605);
        assertThat(status.totalNodes()).isEqualTo(2);
        assertThat(status.onlineNodes()).isEqualTo(1);
    }

    @Test
    void afterABeatBothAreRunningWithTheConfiguredMasterAddressAndNoLag() {
        appendMany(4, 0);
        service.beat();

        ClusterStatus status = service.status();

        NodeStatus master = line(status, "master");
        NodeStatus self = line(status, "slave-1");
        assertThat(master.state()).isEqualTo(NodeState.RUNNING);
        assertThat(master.host()).isEqualTo("127.0.0.1");
        assertThat(master.port()).isEqualTo(8080);
        assertThat(master.lagChanges()).isZero();
        assertThat(self.state()).isEqualTo(NodeState.RUNNING);
        assertThat(self.host()).isEqualTo("10.0.0.8");
        assertThat(self.port()).isEqualTo(8081);
        assertThat(self.lagChanges()).isZero();
        assertThat(self.lastSync()).isEqualTo(T0);
        assertThat(status.onlineNodes()).isEqualTo(2);
    }

    @Test
    void theStatusShowsHowFarItselfLagsBehindTheHeadTheMasterLastReported() {
        appendMany(2, 0);
        replication.catchUp().catchUp();
        appendMany(3, 10);
        InMemoryMasterClient pullsFail = new InMemoryMasterClient(log, publicKey(masterKeys));
        pullsFail.reachable(false);
        ReplicationServices stalled = ReplicationServices.of(replica, pullsFail, null, clock, PAGE, BUFFER);
        SlaveHeartbeatService beatsOnly =
                new SlaveHeartbeatService(client, replica, stalled.progress(), stalled.trust(),
                        stalled.catchUp()::tryCatchUp, SELF, MASTER, aggregator, clock);

        assertThat(beatsOnly.beat()).isTrue();
        NodeStatus self = line(beatsOnly.status(), "slave-1");

        assertThat(replica.state().appliedSeq()).isEqualTo(2);
        assertThat(self.lagChanges()).isEqualTo(3);
        assertThat(line(beatsOnly.status(), "master").lagChanges()).isZero();
    }

    @Test
    void theMasterTurnsOfflineWhenBeatsFailPastTheTimeoutAndOnlineAtTheNextSuccessfulOne() {
        service.beat();
        client.reachable(false);

        clock.advance(OFFLINE_AFTER);
        service.beat();
        NodeState atBound = line(service.status(), "master").state();
        clock.advance(Duration.ofSeconds(1));
        service.beat();
        NodeState past = line(service.status(), "master").state();
        client.reachable(true);
        service.beat();
        NodeState back = line(service.status(), "master").state();

        assertThat(atBound).isEqualTo(NodeState.RUNNING);
        assertThat(past).isEqualTo(NodeState.OFFLINE);
        assertThat(back).isEqualTo(NodeState.RUNNING);
    }

    @Test
    void theMastersUptimeAndTasksAreWhatItsLastAnswerSaidGrownByTheTimeSince() {
        MasterClient describing = new MasterClient() {
            @Override
            public ChangePage changesAfter(long after, int limit) {
                return client.changesAfter(after, limit);
            }

            @Override
            public HeartbeatReply heartbeat(Heartbeat heartbeat) {
                return new HeartbeatReply(log.stream(), log.head(), null, "slave-1", Duration.ofSeconds(7200), 3);
            }

            @Override
            public void reportResult(SyncLogEntry entry) {
            }

            @Override
            public SyncOutcome requestSync(String slaveName, Optional<ReadingRange> repair) {
                return client.requestSync(slaveName, repair);
            }
        };
        SlaveHeartbeatService beats = new SlaveHeartbeatService(describing, replica, replication.progress(),
                replication.trust(), () -> { }, SELF, MASTER, aggregator, clock);

        beats.beat();
        clock.advance(Duration.ofSeconds(30));
        NodeStatus master = line(beats.status(), "master");

        assertThat(master.uptimeSeconds()).isEqualTo(7230);
        assertThat(master.tasksCount()).isEqualTo(3);
    }

    @Test
    void aRefusedSlaveKeepsServingButIsDegradedWithTheReasonUntilTheMasterAcceptsItAgain() {
        service.beat();
        client.refuse("the master refuses this slave (HTTP 401: invalid credentials); set CASCADE_API_KEY");

        boolean answered = service.beat();
        NodeStatus refused = line(service.status(), "slave-1");
        NodeStatus master = line(service.status(), "master");
        client.refuse(null);
        service.beat();
        NodeStatus accepted = line(service.status(), "slave-1");

        assertThat(answered).isFalse();
        assertThat(refused.state()).isEqualTo(NodeState.DEGRADED);
        assertThat(refused.problem()).contains("HTTP 401").contains("CASCADE_API_KEY");
        assertThat(master.state()).as("the master answers, it only refuses").isEqualTo(NodeState.RUNNING);
        assertThat(accepted.state()).isEqualTo(NodeState.RUNNING);
        assertThat(accepted.problem()).isNull();
        assertThat(service.refusal()).isEmpty();
    }

    @Test
    void theRefusalIsToldToTheHealthCheckAndAnOutageDoesNotClearIt() {
        client.refuse("the master refuses this slave (HTTP 403: node is disabled)");
        service.beat();
        client.refuse(null);
        client.reachable(false);
        service.beat();

        assertThat(service.refusal()).contains("the master refuses this slave (HTTP 403: node is disabled)");
    }
}
