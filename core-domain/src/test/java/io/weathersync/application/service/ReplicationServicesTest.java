package io.weathersync.application.service;

import io.weathersync.adapter.memory.InMemoryChangeLog;
import io.weathersync.adapter.memory.InMemoryMasterClient;
import io.weathersync.adapter.memory.InMemoryReplica;
import io.weathersync.application.port.out.MasterUnavailableException;
import io.weathersync.domain.message.ChangeSigner;
import io.weathersync.domain.message.ChangeVerifier;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignatureCheck;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.SyncState;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.weathersync.testing.TestReadings.T0;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A slave's replication: live apply, duplicates, gaps, resyncs, outages and signature checks. */
class ReplicationServicesTest {

    private static final SignatureCheck ACCEPT_ALL = signed -> { };
    private static final int PAGE = 2;
    private static final int BUFFER = 16;

    private final InMemoryChangeLog master = new InMemoryChangeLog();
    private final InMemoryMasterClient client = new InMemoryMasterClient(master, null);
    private final InMemoryReplica replica = new InMemoryReplica();
    private final MutableClock clock = new MutableClock(T0);
    private final ReplicationServices service = ReplicationServices.of(replica, client, ACCEPT_ALL, clock, PAGE, BUFFER);

    private static List<SignedChange> unsigned(List<Change> changes) {
        return changes.stream().map(change -> new SignedChange(change, null)).toList();
    }

    private List<Change> append(WeatherReading... readings) {
        return master.append(List.of(readings));
    }

    private List<Change> appendMany(int count, int firstMinute) {
        List<WeatherReading> readings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            readings.add(reading("City " + i % 5, firstMinute + i, i));
        }
        return master.append(readings);
    }

    private void assertInStepWithMaster() {
        assertThat(replica.digest()).isEqualTo(master.digest());
    }

    @Test
    void theFirstCatchUpResyncsAnEmptyReplicaPageByPage() {
        appendMany(5, 0);

        long applied = service.catchUp().catchUp();

        assertThat(applied).isEqualTo(5);
        assertThat(replica.state()).isEqualTo(new SyncState(master.stream(), 5));
        assertThat(replica.pendingResync()).isEmpty();
        assertInStepWithMaster();
        assertThat(service.progress().stats().resyncs()).isEqualTo(1);
        assertThat(service.progress().lastSync()).contains(T0);
    }

    @Test
    void theFirstCatchUpOfAnEmptyMasterFollowsItsStream() {
        service.catchUp().catchUp();

        assertThat(replica.state()).isEqualTo(new SyncState(master.stream(), 0));
    }

    @Test
    void theNextLiveChangeIsAppliedWithoutAskingTheMaster() {
        service.catchUp().catchUp();
        List<Change> next = append(reading("Oslo", 0, 1));
        client.reachable(false);
        clock.advance(Duration.ofSeconds(5));

        service.live().receive(unsigned(next));

        assertThat(replica.state().appliedSeq()).isEqualTo(1);
        assertInStepWithMaster();
        assertThat(service.progress().stats().applied()).isEqualTo(1);
        assertThat(service.progress().lastSync()).contains(T0.plusSeconds(5));
    }

    @Test
    void aDuplicateIsIgnoredAndCounted() {
        service.catchUp().catchUp();
        List<Change> next = append(reading("Oslo", 0, 1));
        service.live().receive(unsigned(next));
        client.reachable(false);

        service.live().receive(unsigned(next));

        assertThat(service.progress().stats().duplicates()).isEqualTo(1);
        assertThat(replica.state().appliedSeq()).isEqualTo(1);
    }

    @Test
    void aGapIsBufferedUntilTheMissingChangeArrivesLive() {
        service.catchUp().catchUp();
        List<Change> three = appendMany(3, 0);
        client.reachable(false);

        service.live().receive(unsigned(List.of(three.get(2))));
        service.live().receive(unsigned(List.of(three.get(1))));

        assertThat(replica.state().appliedSeq()).isZero();
        assertThat(service.progress().stats().gaps()).isEqualTo(2);
        assertThat(service.progress().stats().buffered()).isEqualTo(2);

        service.live().receive(unsigned(List.of(three.get(0))));

        assertThat(replica.state().appliedSeq()).isEqualTo(3);
        assertThat(service.progress().stats().buffered()).isZero();
        assertInStepWithMaster();
    }

    @Test
    void aGapIsFilledByCatchUpFromTheAppliedSeq() {
        service.catchUp().catchUp();
        appendMany(3, 0);
        List<Change> fourth = append(reading("Oslo", 100, 1));

        service.live().receive(unsigned(fourth));

        assertThat(replica.state().appliedSeq()).isEqualTo(4);
        assertThat(service.progress().stats().gaps()).isEqualTo(1);
        assertThat(service.progress().stats().buffered()).isZero();
        assertInStepWithMaster();
    }

    @Test
    void aBatchOutOfOrderIsAppliedInSeqOrder() {
        service.catchUp().catchUp();
        List<Change> three = appendMany(3, 0);
        client.reachable(false);

        service.live().receive(unsigned(three.reversed()));

        assertThat(replica.state().appliedSeq()).isEqualTo(3);
        assertInStepWithMaster();
    }

    @Test
    void aGapBufferOverflowIsRepairedByTheNextCatchUp() {
        service.catchUp().catchUp();
        List<Change> many = appendMany(40, 0);
        client.reachable(false);

        service.live().receive(unsigned(many.subList(1, 40)));

        assertThat(service.progress().stats().buffered()).isEqualTo(BUFFER);
        assertThat(replica.state().appliedSeq()).isZero();
        client.reachable(true);
        assertThat(service.catchUp().tryCatchUp()).isTrue();
        assertThat(replica.state().appliedSeq()).isEqualTo(40);
        assertThat(service.progress().stats().buffered()).isZero();
        assertInStepWithMaster();
    }

    @Test
    void anUnreachableMasterPostponesTheCatchUpUntilALaterOneSucceeds() {
        service.catchUp().catchUp();
        appendMany(4, 0);
        client.reachable(false);

        assertThat(service.catchUp().tryCatchUp()).isFalse();
        assertThatThrownBy(service.catchUp()::catchUp).isInstanceOf(MasterUnavailableException.class);
        assertThat(replica.state().appliedSeq()).isZero();

        client.reachable(true);
        assertThat(service.catchUp().tryCatchUp()).isTrue();
        assertThat(replica.state().appliedSeq()).isEqualTo(4);
        assertInStepWithMaster();
    }

    @Test
    void aLiveGapDuringAnOutageDoesNotThrowAndIsRepairedLater() {
        service.catchUp().catchUp();
        List<Change> changes = appendMany(3, 0);
        client.reachable(false);

        service.live().receive(unsigned(List.of(changes.get(2))));

        assertThat(replica.state().appliedSeq()).isZero();
        client.reachable(true);
        service.live().receive(unsigned(List.of(changes.get(2))));
        assertThat(replica.state().appliedSeq()).isEqualTo(3);
    }

    @Test
    void liveChangesBeforeTheMastersKeyIsKnownAreNotAppliedButTriggerACatchUp() {
        ReplicationServices keyless = ReplicationServices.of(replica, client, null, clock, PAGE, BUFFER);
        keyless.catchUp().catchUp();
        List<Change> first = append(reading("Oslo", 0, 1));
        client.reachable(false);

        keyless.live().receive(unsigned(first));

        assertThat(keyless.trust().liveCheck().isPresent()).isFalse();
        assertThat(keyless.progress().stats().unverified()).isEqualTo(1);
        assertThat(replica.state().appliedSeq()).isZero();

        client.reachable(true);
        keyless.live().receive(unsigned(first));
        assertThat(replica.state().appliedSeq()).isEqualTo(1);
        assertThat(keyless.progress().stats().unverified()).isEqualTo(2);
    }

    @Test
    void onceTrustedLiveChangesAreAppliedLive() throws Exception {
        KeyPair masterKeys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        ReplicationServices keyless = ReplicationServices.of(replica, client, null, clock, PAGE, BUFFER);
        keyless.catchUp().catchUp();
        keyless.trust().trust(new ChangeVerifier(masterKeys.getPublic()));
        Change first = append(reading("Oslo", 0, 1)).getFirst();
        client.reachable(false);

        keyless.live().receive(List.of(new SignedChange(first, new ChangeSigner(masterKeys.getPrivate()).sign(first))));

        assertThat(keyless.trust().liveCheck().isPresent()).isTrue();
        assertThat(replica.state().appliedSeq()).isEqualTo(1);
    }

    @Test
    void aBadSignatureIsCountedByKindAndNeitherAppliedNorCaughtUp() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        KeyPair masterKeys = generator.generateKeyPair();
        KeyPair intruder = generator.generateKeyPair();
        ReplicationServices verifying = ReplicationServices.of(replica, client,
                new ChangeVerifier(masterKeys.getPublic()), clock, PAGE, BUFFER);
        verifying.catchUp().catchUp();
        Change change = append(reading("Oslo", 0, 1)).getFirst();

        verifying.live().receive(List.of(new SignedChange(change, new ChangeSigner(intruder.getPrivate()).sign(change))));
        verifying.live().receive(List.of(new SignedChange(change, null)));

        assertThat(verifying.progress().stats().rejected()).containsEntry(RejectedMessage.Kind.BAD_SIGNATURE, 2L);
        assertThat(replica.state().appliedSeq()).isZero();
        assertThat(replica.latest(new City("Oslo"))).isEmpty();

        verifying.live().receive(List.of(new SignedChange(change, new ChangeSigner(masterKeys.getPrivate()).sign(change))));
        assertThat(replica.state().appliedSeq()).isEqualTo(1);
    }

    @Test
    void unreadableMessagesAreCountedByKind() {
        service.progress().rejected(new RejectedMessage(RejectedMessage.Kind.MALFORMED, "not JSON"));
        service.progress().rejected(new RejectedMessage(RejectedMessage.Kind.MALFORMED, "not JSON"));
        service.progress().rejected(new RejectedMessage(RejectedMessage.Kind.UNKNOWN_VERSION, "v: 2"));

        assertThat(service.progress().stats().rejected())
                .containsEntry(RejectedMessage.Kind.MALFORMED, 2L)
                .containsEntry(RejectedMessage.Kind.UNKNOWN_VERSION, 1L)
                .containsEntry(RejectedMessage.Kind.BAD_SIGNATURE, 0L);
    }

    @Test
    void aChangeOfANewStreamResyncsFullyWhileTheOldDataIsServedUntilDone() {
        append(reading("Oslo", 0, 1), reading("Bergen", 0, 2), reading("Oslo", 1, 3));
        ScriptedMaster scripted = new ScriptedMaster(master);
        ReplicationServices replication = ReplicationServices.of(replica, scripted, ACCEPT_ALL, clock, PAGE, BUFFER);
        replication.catchUp().catchUp();
        InMemoryChangeLog newMaster = new InMemoryChangeLog();
        List<Change> fresh = newMaster.append(List.of(reading("Rome", 0, 20), reading("Paris", 0, 10),
                reading("Rome", 1, 21), reading("Madrid", 0, 25), reading("Rome", 2, 22)));
        scripted.serve(newMaster);
        List<String> seenDuringResync = new ArrayList<>();
        scripted.probe(() -> seenDuringResync.add(replica.state().stream()
                + " oslo=" + replica.latest(new City("Oslo")).isPresent()
                + " rome=" + replica.latest(new City("Rome")).isPresent()));

        replication.live().receive(unsigned(fresh.subList(0, 1)));

        String old = master.stream() + " oslo=true rome=false";
        assertThat(seenDuringResync).hasSize(4).containsOnly(old);
        assertThat(replica.state()).isEqualTo(new SyncState(newMaster.stream(), 5));
        assertThat(replica.digest()).isEqualTo(newMaster.digest());
        assertThat(replica.latest(new City("Oslo"))).isEmpty();
        assertThat(replication.progress().stats().resyncs()).isEqualTo(2);
    }

    @Test
    void aResyncCutShortByAnOutageResumesWhereItStopped() {
        append(reading("Oslo", 0, 1));
        ScriptedMaster scripted = new ScriptedMaster(master);
        ReplicationServices replication = ReplicationServices.of(replica, scripted, ACCEPT_ALL, clock, PAGE, BUFFER);
        replication.catchUp().catchUp();
        InMemoryChangeLog newMaster = new InMemoryChangeLog();
        for (int i = 0; i < 6; i++) {
            newMaster.append(List.of(reading("Rome", i, i)));
        }
        scripted.serve(newMaster);
        scripted.afters.clear();
        scripted.failFromCall(3);

        assertThat(replication.catchUp().tryCatchUp()).isFalse();
        assertThat(replica.pendingResync()).contains(new SyncState(newMaster.stream(), 2));
        assertThat(replica.state().stream()).isEqualTo(master.stream());

        scripted.recover();
        assertThat(replication.catchUp().tryCatchUp()).isTrue();
        assertThat(scripted.afters).containsExactly(1L, 0L, 1L, 2L, 4L);
        assertThat(replica.state()).isEqualTo(new SyncState(newMaster.stream(), 6));
        assertThat(replica.digest()).isEqualTo(newMaster.digest());
    }

    @Test
    void duplicatesAreIgnoredWithoutPayingForASignatureCheck() {
        List<Change> changes = appendMany(3, 0);
        int[] checks = new int[1];
        ReplicationServices counting = ReplicationServices.of(replica, client, signed -> checks[0]++, clock, PAGE,
                BUFFER);
        counting.live().receive(unsigned(changes));
        int afterFirstDelivery = checks[0];

        counting.live().receive(unsigned(changes));

        assertThat(afterFirstDelivery).isEqualTo(3);
        assertThat(checks[0]).isEqualTo(3);
        assertThat(counting.progress().stats().duplicates()).isEqualTo(3);
        assertInStepWithMaster();
    }

    @Test
    void aMasterWhoseHeadWentBackOnTheSameStreamIsNotFollowedAndNothingIsApplied() {
        appendMany(5, 0);
        service.catchUp().catchUp();
        InMemoryChangeLog restored = new InMemoryChangeLog(master.stream());
        restored.append(List.of(reading("Elsewhere", 0, 1), reading("Elsewhere", 1, 2)));
        ReplicationServices following = ReplicationServices.of(replica, new InMemoryMasterClient(restored, null),
                ACCEPT_ALL, clock, PAGE, BUFFER);

        assertThatThrownBy(following.catchUp()::catchUp).isInstanceOf(MasterUnavailableException.class)
                .hasMessageContaining("behind the applied seq 5");
        assertThat(following.catchUp().tryCatchUp()).isFalse();
        assertThat(replica.state()).isEqualTo(new SyncState(master.stream(), 5));
        assertInStepWithMaster();
    }
}
