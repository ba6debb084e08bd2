package io.weathersync.application.port.out;

import io.weathersync.adapter.memory.InMemoryChangeLog;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.SyncState;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.domain.sync.ChangePlanner;
import io.weathersync.domain.sync.DigestBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.weathersync.testing.TestReadings.changes;
import static io.weathersync.testing.TestReadings.exact;
import static io.weathersync.testing.TestReadings.exactReadings;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of a slave's {@link Replica}: changes and sync state move together, a resync builds a new
 * generation while the old one is served, a repair overwrites what differs without moving the state, and
 * (through {@link WeatherReadingsContract}) the read side.
 */
public abstract class ReplicaContract extends WeatherReadingsContract {

    private static final StreamId S1 = new StreamId("stream-one");
    private static final StreamId S2 = new StreamId("stream-two");
    private static final StreamId S3 = new StreamId("stream-three");

    /** A fresh, empty replica, for one test. */
    protected abstract Replica createReplica();

    /** The same replica as a new process would see it; durable adapters reopen their database here. */
    protected Replica reopen(Replica replica) {
        return replica;
    }

    @Override
    protected final WeatherReadings holding(List<WeatherReading> readings) {
        Replica replica = createReplica();
        List<Change> changes = ChangePlanner.plan(S1, 0, readings, Map.of());
        replica.beginResync(S1);
        replica.apply(S1, changes, changes.size());
        replica.finishResync();
        return reopen(replica);
    }

    /** A replica serving {@code stream} with {@code readings} applied as seqs 1…n. */
    private Replica serving(StreamId stream, List<WeatherReading> readings) {
        Replica replica = createReplica();
        replica.beginResync(stream);
        replica.apply(stream, changes(stream, 1, readings), readings.size());
        replica.finishResync();
        return replica;
    }

    private static void assertUnchanged(Replica replica, SyncState state, Digest digest) {
        assertThat(replica.state()).isEqualTo(state);
        assertThat(replica.digest()).isEqualTo(digest);
    }

    @Test
    void aNewReplicaFollowsNoStreamAndHoldsNothing() {
        Replica replica = createReplica();

        assertThat(replica.state()).isEqualTo(SyncState.EMPTY);
        assertThat(replica.pendingResync()).isEmpty();
        assertThat(replica.digest()).isEqualTo(new DigestBuilder().build(null, 0));
        assertThat(replica.latestAll()).isEmpty();
    }

    @Test
    void applyingToAStreamOfANewReplicaIsRejectedAndChangesNothing() {
        Replica replica = createReplica();

        assertThatThrownBy(() -> replica.apply(S1, changes(S1, 1, List.of(reading("Oslo", 0, 1))), 1))
                .isInstanceOf(IllegalStateException.class);
        assertUnchanged(replica, SyncState.EMPTY, new DigestBuilder().build(null, 0));
        assertThat(replica.pendingResync()).isEmpty();
    }

    @Test
    void applyingToAStreamNeitherServedNorPendingIsRejectedAndChangesNothing() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1)));
        replica.beginResync(S2);
        SyncState state = replica.state();
        Digest digest = replica.digest();

        assertThatThrownBy(() -> replica.apply(S3, changes(S3, 1, List.of(reading("Bergen", 0, 1))), 1))
                .isInstanceOf(IllegalStateException.class);
        assertUnchanged(replica, state, digest);
        assertThat(replica.pendingResync()).contains(new SyncState(S2, 0));
    }

    @Test
    void applyingToTheServedStreamStoresTheChangesAndTheStateTogether() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1)));

        replica.apply(S1, changes(S1, 2, List.of(reading("Bergen", 0, 2), reading("Oslo", 1, 3))), 3);

        assertThat(replica.state()).isEqualTo(new SyncState(S1, 3));
        assertThat(replica.digest().rows()).isEqualTo(3);
        assertThat(replica.digest().appliedSeq()).isEqualTo(3);
        assertThat(replica.digest().stream()).isEqualTo(S1);
        assertThat(replica.latest(new City("Oslo")).map(r -> exact(r))).contains(exact(reading("Oslo", 1, 3)));
    }

    @Test
    void aChangeOfAStoredKeyReplacesItsValue() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1)));

        replica.apply(S1, changes(S1, 3, List.of(reading("OSLO", 0, 7))), 3);

        assertThat(replica.digest().rows()).isEqualTo(2);
        assertThat(replica.latest(new City("oslo")).map(r -> exact(r))).contains(exact(reading("OSLO", 0, 7)));
    }

    @Test
    void applyingNoChangesMovesTheStateForward() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1)));
        Digest before = replica.digest();

        replica.apply(S1, List.of(), 5);

        assertThat(replica.state()).isEqualTo(new SyncState(S1, 5));
        assertThat(replica.digest().hash()).isEqualTo(before.hash());
        assertThat(replica.digest().appliedSeq()).isEqualTo(5);
    }

    @Test
    void applyingAgainThroughTheSameSeqIsHarmless() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1)));
        SyncState state = replica.state();
        Digest digest = replica.digest();

        replica.apply(S1, changes(S1, 2, List.of(reading("Bergen", 0, 1))), 2);

        assertUnchanged(replica, state, digest);
    }

    @Test
    void applyingThroughASeqBehindTheStateIsRejectedAndChangesNothing() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1), reading("Oslo", 1, 1)));
        SyncState state = replica.state();
        Digest digest = replica.digest();

        assertThatThrownBy(() -> replica.apply(S1, changes(S1, 2, List.of(reading("Bergen", 0, 9))), 2))
                .isInstanceOf(IllegalStateException.class);
        assertUnchanged(replica, state, digest);
    }

    @Test
    void aBatchHoldingAChangeOfAnotherStreamIsRejectedAndChangesNothing() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1)));
        SyncState state = replica.state();
        Digest digest = replica.digest();
        List<Change> mixed = List.of(new Change(S1, 2, reading("Bergen", 0, 2)),
                new Change(S2, 3, reading("Rome", 0, 3)));

        assertThatThrownBy(() -> replica.apply(S1, mixed, 3)).isInstanceOf(IllegalStateException.class);
        assertUnchanged(replica, state, digest);
    }

    @Test
    void aResyncBuildsANewGenerationWhileTheOldOneIsServed() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1)));
        SyncState served = replica.state();
        Digest digest = replica.digest();

        replica.beginResync(S2);
        replica.apply(S2, changes(S2, 1, List.of(reading("Rome", 0, 20))), 4);

        assertThat(replica.pendingResync()).contains(new SyncState(S2, 4));
        assertUnchanged(replica, served, digest);
        assertThat(replica.latest(new City("Oslo"))).isPresent();
        assertThat(replica.latest(new City("Rome"))).isEmpty();
    }

    @Test
    void finishingAResyncServesOnlyTheNewGeneration() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1)));
        replica.beginResync(S2);
        replica.apply(S2, changes(S2, 1, List.of(reading("Rome", 0, 20))), 1);
        replica.apply(S2, changes(S2, 2, List.of(reading("Oslo", 5, 2))), 7);

        replica.finishResync();

        assertThat(replica.state()).isEqualTo(new SyncState(S2, 7));
        assertThat(replica.pendingResync()).isEmpty();
        assertThat(exactReadings(replica.latestAll()))
                .containsExactly(exact(reading("Oslo", 5, 2)), exact(reading("Rome", 0, 20)));
        assertThat(replica.latest(new City("Bergen"))).isEmpty();
        assertThat(replica.digest()).isEqualTo(
                new DigestBuilder().add(reading("Rome", 0, 20)).add(reading("Oslo", 5, 2)).build(S2, 7));
    }

    @Test
    void theServedStreamKeepsTakingChangesDuringAResync() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1)));
        replica.beginResync(S2);

        replica.apply(S1, changes(S1, 2, List.of(reading("Bergen", 0, 1))), 2);

        assertThat(replica.state()).isEqualTo(new SyncState(S1, 2));
        assertThat(replica.pendingResync()).contains(new SyncState(S2, 0));
        assertThat(replica.latest(new City("Bergen"))).isPresent();
    }

    @Test
    void beginningAResyncDiscardsAnUnfinishedOne() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1)));
        replica.beginResync(S2);
        replica.apply(S2, changes(S2, 1, List.of(reading("Rome", 0, 20))), 1);

        replica.beginResync(S3);
        replica.apply(S3, changes(S3, 1, List.of(reading("Paris", 0, 10))), 1);
        replica.finishResync();

        assertThat(replica.state()).isEqualTo(new SyncState(S3, 1));
        assertThat(exactReadings(replica.latestAll())).containsExactly(exact(reading("Paris", 0, 10)));
        assertThatThrownBy(() -> replica.apply(S2, List.of(), 1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void beginningAResyncOfTheSameStreamAgainStartsItFromZero() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1)));
        replica.beginResync(S2);
        replica.apply(S2, changes(S2, 1, List.of(reading("Rome", 0, 20))), 1);

        replica.beginResync(S2);
        replica.finishResync();

        assertThat(replica.state()).isEqualTo(new SyncState(S2, 0));
        assertThat(replica.latestAll()).isEmpty();
    }

    @Test
    void finishingWithoutAResyncInProgressIsRejectedAndChangesNothing() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1)));
        SyncState state = replica.state();
        Digest digest = replica.digest();

        assertThatThrownBy(replica::finishResync).isInstanceOf(IllegalStateException.class);
        assertUnchanged(replica, state, digest);
    }

    @Test
    void stateAndDataSurviveAReopen() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1)));
        replica.apply(S1, changes(S1, 3, List.of(reading("Oslo", 0, 2))), 4);
        Digest digest = replica.digest();

        Replica reopened = reopen(replica);

        assertThat(reopened.state()).isEqualTo(new SyncState(S1, 4));
        assertThat(reopened.digest()).isEqualTo(digest);
        assertThat(reopened.pendingResync()).isEmpty();
    }

    @Test
    void aResyncInProgressSurvivesAReopenAndCanBeFinished() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1)));
        replica.beginResync(S2);
        replica.apply(S2, changes(S2, 1, List.of(reading("Rome", 0, 20))), 3);

        Replica reopened = reopen(replica);

        assertThat(reopened.state()).isEqualTo(new SyncState(S1, 1));
        assertThat(reopened.pendingResync()).contains(new SyncState(S2, 3));
        reopened.apply(S2, changes(S2, 4, List.of(reading("Paris", 0, 10))), 4);
        reopened.finishResync();
        assertThat(reopened.state()).isEqualTo(new SyncState(S2, 4));
        assertThat(exactReadings(reopened.latestAll()))
                .containsExactly(exact(reading("Paris", 0, 10)), exact(reading("Rome", 0, 20)));
    }

    private static Digest digestOf(StreamId stream, long seq, WeatherReading... readings) {
        DigestBuilder builder = new DigestBuilder();
        for (WeatherReading reading : readings) {
            builder.add(reading);
        }
        return builder.build(stream, seq);
    }

    @Test
    void repairOverwritesAServedReadingThatDiffersWithoutMovingTheState() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1)));

        int written = replica.repair(S1, List.of(new Change(S1, 2, reading("Bergen", 0, 9))));

        Digest expected = digestOf(S1, 2, reading("Oslo", 0, 1), reading("Bergen", 0, 9));
        assertThat(written).isEqualTo(1);
        assertThat(replica.state()).isEqualTo(new SyncState(S1, 2));
        assertThat(replica.latest(new City("Bergen")).map(r -> exact(r))).contains(exact(reading("Bergen", 0, 9)));
        assertThat(replica.digest()).isEqualTo(expected);
        assertThat(reopen(replica).digest()).isEqualTo(expected);
    }

    @Test
    void aHeldReadingWithAnOlderSeqIsOverwrittenAndThenCarriesTheRepairsSeq() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1)));
        replica.apply(S1, List.of(), 5);

        int first = replica.repair(S1, List.of(new Change(S1, 4, reading("Oslo", 0, 4))));
        int older = replica.repair(S1, List.of(new Change(S1, 3, reading("Oslo", 0, 3))));

        assertThat(first).isEqualTo(1);
        assertThat(older).isZero();
        assertThat(replica.state()).isEqualTo(new SyncState(S1, 5));
        assertThat(replica.digest()).isEqualTo(digestOf(S1, 5, reading("Oslo", 0, 4), reading("Bergen", 0, 1)));
    }

    @Test
    void repairDoesNotOverwriteANewerHeldCorrection() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1)));
        replica.apply(S1, List.of(new Change(S1, 3, reading("Oslo", 0, 3))), 3);
        SyncState state = replica.state();
        Digest digest = replica.digest();

        int written = replica.repair(S1, List.of(new Change(S1, 1, reading("Oslo", 0, 1))));

        assertThat(written).isZero();
        assertUnchanged(replica, state, digest);
        assertThat(replica.latest(new City("Oslo")).map(r -> exact(r))).contains(exact(reading("Oslo", 0, 3)));
    }

    @Test
    void repairAddsReadingsTheReplicaLacksAndServesThem() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1)));
        replica.apply(S1, List.of(), 3);

        int written = replica.repair(S1, List.of(new Change(S1, 2, reading("Oslo", 5, 2)),
                new Change(S1, 3, reading("Rome", 0, 3))));

        assertThat(written).isEqualTo(2);
        assertThat(replica.state()).isEqualTo(new SyncState(S1, 3));
        assertThat(replica.latest(new City("Oslo")).map(r -> exact(r))).contains(exact(reading("Oslo", 5, 2)));
        assertThat(replica.latest(new City("Rome")).map(r -> exact(r))).contains(exact(reading("Rome", 0, 3)));
        assertThat(replica.digest())
                .isEqualTo(digestOf(S1, 3, reading("Oslo", 0, 1), reading("Oslo", 5, 2), reading("Rome", 0, 3)));
    }

    @Test
    void repairSkipsChangesAfterTheAppliedSeq() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1)));
        SyncState state = replica.state();
        Digest digest = replica.digest();

        int written = replica.repair(S1, List.of(new Change(S1, 3, reading("Oslo", 0, 3)),
                new Change(S1, 4, reading("Rome", 0, 4))));

        assertThat(written).isZero();
        assertUnchanged(replica, state, digest);
        assertThat(replica.latest(new City("Rome"))).isEmpty();
    }

    @Test
    void repairOfANewReplicaWritesNothing() {
        Replica replica = createReplica();

        int written = replica.repair(S1, changes(S1, 1, List.of(reading("Oslo", 0, 5))));

        assertThat(written).isZero();
        assertUnchanged(replica, SyncState.EMPTY, new DigestBuilder().build(null, 0));
        assertThat(replica.latestAll()).isEmpty();
    }

    @Test
    void repairOfAStreamThatIsNotServedWritesNothingNotEvenToAResyncInProgress() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1)));
        replica.beginResync(S2);
        replica.apply(S2, changes(S2, 1, List.of(reading("Oslo", 0, 2))), 1);
        SyncState state = replica.state();
        Digest digest = replica.digest();

        int toPending = replica.repair(S2, changes(S2, 1, List.of(reading("Oslo", 0, 5))));
        int toUnknown = replica.repair(S3, changes(S3, 1, List.of(reading("Oslo", 0, 5))));

        assertThat(List.of(toPending, toUnknown)).containsOnly(0);
        assertUnchanged(replica, state, digest);
        assertThat(replica.pendingResync()).contains(new SyncState(S2, 1));
        replica.finishResync();
        assertThat(replica.latest(new City("Oslo")).map(r -> exact(r))).contains(exact(reading("Oslo", 0, 2)));
    }

    @Test
    void aChangeOfAnotherStreamInsideARepairIsSkipped() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1)));

        int written = replica.repair(S1, List.of(new Change(S2, 1, reading("Oslo", 0, 9)),
                new Change(S1, 2, reading("Bergen", 0, 9))));

        assertThat(written).isEqualTo(1);
        assertThat(replica.digest()).isEqualTo(digestOf(S1, 2, reading("Oslo", 0, 1), reading("Bergen", 0, 9)));
    }

    @Test
    void identicalReadingsAreNotCountedButARespeltCityIs() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1)));
        SyncState state = replica.state();
        Digest digest = replica.digest();

        int identical = replica.repair(S1, changes(S1, 1, List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1))));
        assertUnchanged(replica, state, digest);
        int respelt = replica.repair(S1, List.of(new Change(S1, 2, reading("BERGEN", 0, 1))));

        assertThat(identical).isZero();
        assertThat(respelt).isEqualTo(1);
        assertThat(replica.latest(new City("bergen")).orElseThrow().city().name()).isEqualTo("BERGEN");
        assertThat(replica.state()).isEqualTo(state);
    }

    @Test
    void repairCountsOnlyTheReadingsItWrote() {
        Replica replica = serving(S1, List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1), reading("Rome", 0, 1)));
        replica.apply(S1, List.of(new Change(S1, 4, reading("Rome", 0, 4))), 4);

        int written = replica.repair(S1, List.of(
                new Change(S1, 1, reading("Oslo", 0, 1)),
                new Change(S1, 2, reading("Bergen", 0, 7)),
                new Change(S1, 3, reading("Rome", 0, 1)),
                new Change(S1, 5, reading("Lima", 0, 5))));

        assertThat(written).isEqualTo(1);
        assertThat(replica.state()).isEqualTo(new SyncState(S1, 4));
        assertThat(replica.digest()).isEqualTo(
                digestOf(S1, 4, reading("Oslo", 0, 1), reading("Bergen", 0, 7), reading("Rome", 0, 4)));
    }

    @Test
    void aReplicaHoldingEveryPageOfAMasterHasTheMastersDigest() {
        ChangeLog master = new InMemoryChangeLog();
        master.append(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1), reading("Rome", 0, 1)));
        master.append(List.of(reading("Bergen", 0, 2), reading("Oslo", 1, 1), reading("São Paulo", 0, 30)));
        master.append(List.of(reading("Oslo", 0, 3)));
        Replica replica = createReplica();
        replica.beginResync(master.stream());

        ChangePage page;
        long after = 0;
        do {
            page = master.changesAfter(after, 2);
            replica.apply(master.stream(), page.changes(), page.completeThrough());
            after = page.completeThrough();
        } while (!page.isLast());
        replica.finishResync();

        assertThat(replica.digest()).isEqualTo(master.digest());
    }

    @Test
    void liveChangesOneByOneGiveTheSameDigestAsTheCompactedLog() {
        ChangeLog master = new InMemoryChangeLog();
        Replica live = createReplica();
        live.beginResync(master.stream());
        live.finishResync();
        List<List<WeatherReading>> batches = List.of(
                List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 1)),
                List.of(reading("Oslo", 0, 2)),
                List.of(reading("Bergen", 0, 3), reading("Oslo", 0, 3), reading("Rome", 0, 3)));

        for (List<WeatherReading> batch : batches) {
            for (Change change : master.append(batch)) {
                live.apply(master.stream(), List.of(change), change.seq());
            }
        }

        assertThat(live.digest()).isEqualTo(master.digest());
    }
}
