package io.weathersync.domain.sync;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.SyncState;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Every decision of the sync policy. */
class SyncPolicyTest {

    private static final StreamId FOLLOWED = new StreamId("followed");
    private static final StreamId OTHER = new StreamId("other");
    private static final SyncState AT_TEN = new SyncState(FOLLOWED, 10);

    private static Change change(StreamId stream, long seq) {
        return new Change(stream, seq,
                WeatherReading.of(new City("Oslo"), Instant.parse("2026-11-23T10:00:00Z"), 1, 50, "test"));
    }

    @Test
    void theNextSeqIsApplied() {
        Change next = change(FOLLOWED, 11);

        assertThat(SyncPolicy.decide(AT_TEN, next)).isEqualTo(new SyncDecision.Apply(next));
    }

    @Test
    void theAppliedSeqItselfIsADuplicate() {
        Change same = change(FOLLOWED, 10);

        assertThat(SyncPolicy.decide(AT_TEN, same)).isEqualTo(new SyncDecision.IgnoreDuplicate(same));
    }

    @Test
    void anOlderSeqIsADuplicate() {
        Change old = change(FOLLOWED, 1);

        assertThat(SyncPolicy.decide(AT_TEN, old)).isEqualTo(new SyncDecision.IgnoreDuplicate(old));
    }

    @Test
    void aSeqBeyondTheNextIsAGapToCatchUpFromTheAppliedSeq() {
        Change ahead = change(FOLLOWED, 12);

        assertThat(SyncPolicy.decide(AT_TEN, ahead)).isEqualTo(new SyncDecision.BufferGap(ahead, 10));
    }

    @Test
    void anotherStreamMeansAFullResyncWhateverItsSeq() {
        assertThat(SyncPolicy.decide(AT_TEN, change(OTHER, 11))).isEqualTo(new SyncDecision.FullResync(OTHER));
        assertThat(SyncPolicy.decide(AT_TEN, change(OTHER, 1))).isEqualTo(new SyncDecision.FullResync(OTHER));
        assertThat(SyncPolicy.decide(AT_TEN, change(OTHER, 500))).isEqualTo(new SyncDecision.FullResync(OTHER));
    }

    @Test
    void aReplicaFollowingNothingResyncsOnAnyChange() {
        assertThat(SyncPolicy.decide(SyncState.EMPTY, change(FOLLOWED, 1)))
                .isEqualTo(new SyncDecision.FullResync(FOLLOWED));
    }

    @Test
    void aFreshGenerationAtZeroAppliesSeqOne() {
        Change first = change(FOLLOWED, 1);

        assertThat(SyncPolicy.decide(new SyncState(FOLLOWED, 0), first)).isEqualTo(new SyncDecision.Apply(first));
    }
}
