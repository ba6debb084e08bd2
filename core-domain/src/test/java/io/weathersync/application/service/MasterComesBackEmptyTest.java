package io.weathersync.application.service;

import io.weathersync.adapter.memory.InMemoryChangeLog;
import io.weathersync.adapter.memory.InMemoryReplica;
import io.weathersync.domain.message.SignatureCheck;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.SyncState;
import io.weathersync.domain.sync.FollowConsent;
import io.weathersync.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.weathersync.testing.TestReadings.T0;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A master that comes back with a new stream holding fewer readings: the replica keeps its data until told. */
class MasterComesBackEmptyTest {

    private static final SignatureCheck ACCEPT_ALL = signed -> { };

    private final InMemoryChangeLog oldMaster = new InMemoryChangeLog();
    private final ScriptedMaster master = new ScriptedMaster(oldMaster);
    private final InMemoryReplica replica = new InMemoryReplica();
    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryChangeLog emptyMaster = new InMemoryChangeLog();

    private ReplicationServices following(FollowConsent consent) {
        for (int i = 0; i < 6; i++) {
            oldMaster.append(List.of(reading("Oslo", i, i), reading("Rome", i, 20 + i)));
        }
        ReplicationServices replication = ReplicationServices.of(replica, master, ACCEPT_ALL, clock, 4, 16, consent);
        replication.catchUp().catchUp();
        emptyMaster.append(List.of(reading("Paris", 0, 10)));
        master.serve(emptyMaster);
        return replication;
    }

    @Test
    void aNewStreamWithFewerReadingsIsNotFollowedAndTheReplicaKeepsServingItsData() {
        ReplicationServices replication = following(FollowConsent.NONE);
        Digest before = replica.digest();

        assertThat(replication.catchUp().tryCatchUp()).isTrue();
        assertThat(replication.catchUp().catchUp()).isZero();

        assertThat(replica.digest()).isEqualTo(before);
        assertThat(replica.pendingResync()).isEmpty();
        assertThat(replica.latest(new City("Oslo"))).isPresent();
        assertThat(replication.progress().divergence()).hasValueSatisfying(why -> assertThat(why)
                .startsWith("diverged:").contains(emptyMaster.stream().value(), "head 1", "12", "restore --from",
                        "/api/dms/follow-stream"));
        assertThat(replication.progress().stats().resyncs()).isEqualTo(1);
    }

    @Test
    void liveChangesOfTheNewStreamDoNotMoveADivergedReplica() {
        ReplicationServices replication = following(FollowConsent.NONE);
        Digest before = replica.digest();

        replication.live().receive(emptyMaster.changesAfter(0, 10).changes().stream()
                .map(change -> new SignedChange(change, null)).toList());

        assertThat(replica.digest()).isEqualTo(before);
        assertThat(replication.progress().divergence()).isPresent();
    }

    @Test
    void theOperatorsConsentFollowsTheNewStreamAndClearsTheDivergence() {
        ReplicationServices replication = following(FollowConsent.NONE);
        replication.catchUp().catchUp();

        assertThat(replication.catchUp().approveDiverged()).isEqualTo(emptyMaster.stream());
        replication.catchUp().catchUp();

        assertThat(replica.state()).isEqualTo(new SyncState(emptyMaster.stream(), 1));
        assertThat(replica.digest()).isEqualTo(emptyMaster.digest());
        assertThat(replication.progress().divergence()).isEmpty();
    }

    @Test
    void approvingWithoutADivergenceIsRefusedAndChangesNothing() {
        ReplicationServices replication = following(FollowConsent.NONE);
        master.serve(oldMaster);

        assertThatThrownBy(() -> replication.catchUp().approveDiverged()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has not diverged");
        replication.catchUp().catchUp();
        assertThat(replica.digest()).isEqualTo(oldMaster.digest());
    }

    @Test
    void theStandingSettingFollowsAnyNewStream() {
        ReplicationServices replication = following(FollowConsent.ANY);

        replication.catchUp().catchUp();

        assertThat(replica.digest()).isEqualTo(emptyMaster.digest());
        assertThat(replication.progress().divergence()).isEmpty();
    }

    @Test
    void aMasterRestoredOnTheOldStreamIsFollowedAgainAndTheDivergenceClears() {
        ReplicationServices replication = following(FollowConsent.NONE);
        replication.catchUp().catchUp();
        assertThat(replication.progress().divergence()).isPresent();

        oldMaster.append(List.of(reading("Oslo", 30, 5)));
        master.serve(oldMaster);
        replication.catchUp().catchUp();

        assertThat(replica.digest()).isEqualTo(oldMaster.digest());
        assertThat(replication.progress().divergence()).isEmpty();
    }

    @Test
    void aWipedReplicaStillRebuildsItselfFromTheMaster() {
        emptyMaster.append(List.of(reading("Paris", 0, 10)));
        master.serve(emptyMaster);
        ReplicationServices replication = ReplicationServices.of(replica, master, ACCEPT_ALL, clock, 4, 16,
                FollowConsent.NONE);

        replication.catchUp().catchUp();

        assertThat(replica.digest()).isEqualTo(emptyMaster.digest());
        assertThat(replication.progress().divergence()).isEmpty();
    }
}
