package io.weathersync.domain.sync;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bounded buffer of changes that arrived ahead of a gap. */
class GapBufferTest {

    private static final StreamId S1 = new StreamId("s1");
    private static final StreamId S2 = new StreamId("s2");

    private static Change change(StreamId stream, long seq) {
        return new Change(stream, seq, WeatherReading.of(new City("Oslo"),
                Instant.parse("2026-11-23T10:00:00Z").plusSeconds(seq), 1, 50, "test"));
    }

    private static List<Long> seqs(List<Change> changes) {
        return changes.stream().map(Change::seq).toList();
    }

    @Test
    void changesOfferedInAnyOrderDrainInSeqOrder() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            GapBuffer buffer = new GapBuffer(100);
            List<Long> seqs = new ArrayList<>();
            for (long seq = 6; seq <= 30; seq++) {
                seqs.add(seq);
            }
            Collections.shuffle(seqs, random);
            seqs.forEach(seq -> buffer.offer(change(S1, seq)));

            assertThat(seqs(buffer.drain(S1, 5))).as("round %d", round).isSorted().hasSize(25).startsWith(6L);
            assertThat(buffer.size()).isZero();
        }
    }

    @Test
    void drainingStopsAtTheFirstHole() {
        GapBuffer buffer = new GapBuffer(10);
        for (long seq : new long[] {3, 4, 6, 7}) {
            buffer.offer(change(S1, seq));
        }

        assertThat(seqs(buffer.drain(S1, 2))).containsExactly(3L, 4L);
        assertThat(buffer.size()).isEqualTo(2);
        assertThat(seqs(buffer.drain(S1, 5))).containsExactly(6L, 7L);
    }

    @Test
    void nothingDrainsWhileTheNextSeqIsMissing() {
        GapBuffer buffer = new GapBuffer(10);
        buffer.offer(change(S1, 5));

        assertThat(buffer.drain(S1, 3)).isEmpty();
        assertThat(buffer.size()).isEqualTo(1);
    }

    @Test
    void drainingDropsChangesAlreadyCovered() {
        GapBuffer buffer = new GapBuffer(10);
        for (long seq : new long[] {2, 3, 4, 8, 9}) {
            buffer.offer(change(S1, seq));
        }

        assertThat(seqs(buffer.drain(S1, 7))).containsExactly(8L, 9L);
        assertThat(buffer.size()).isZero();
    }

    @Test
    void drainingCoveredChangesWithAHoleLeftKeepsOnlyTheLaterOnes() {
        GapBuffer buffer = new GapBuffer(10);
        for (long seq : new long[] {2, 3, 9}) {
            buffer.offer(change(S1, seq));
        }

        assertThat(buffer.drain(S1, 5)).isEmpty();
        assertThat(buffer.size()).isEqualTo(1);
    }

    @Test
    void whenFullItKeepsTheLowestSeqs() {
        GapBuffer buffer = new GapBuffer(3);
        buffer.offer(change(S1, 10));
        buffer.offer(change(S1, 12));
        buffer.offer(change(S1, 14));

        assertThat(buffer.offer(change(S1, 20))).isFalse();
        assertThat(buffer.offer(change(S1, 11))).isTrue();
        assertThat(buffer.size()).isEqualTo(3);
        assertThat(seqs(buffer.drain(S1, 9))).containsExactly(10L, 11L, 12L);
        assertThat(buffer.size()).isZero();
    }

    @Test
    void offeringAHeldSeqAgainWhenFullKeepsEverything() {
        GapBuffer buffer = new GapBuffer(2);
        buffer.offer(change(S1, 10));
        buffer.offer(change(S1, 11));

        assertThat(buffer.offer(change(S1, 11))).isTrue();
        assertThat(seqs(buffer.drain(S1, 9))).containsExactly(10L, 11L);
    }

    @Test
    void aChangeOfAnotherStreamReplacesTheHeldOnes() {
        GapBuffer buffer = new GapBuffer(10);
        buffer.offer(change(S1, 5));
        buffer.offer(change(S1, 6));

        buffer.offer(change(S2, 3));

        assertThat(buffer.size()).isEqualTo(1);
        assertThat(buffer.drain(S1, 4)).isEmpty();
        assertThat(seqs(buffer.drain(S2, 2))).containsExactly(3L);
    }

    @Test
    void drainingForAnotherStreamThanTheHeldOneGivesNothingAndKeepsThem() {
        GapBuffer buffer = new GapBuffer(10);
        buffer.offer(change(S1, 5));

        assertThat(buffer.drain(S2, 4)).isEmpty();
        assertThat(buffer.size()).isEqualTo(1);
    }

    @Test
    void clearingDropsEverything() {
        GapBuffer buffer = new GapBuffer(10);
        buffer.offer(change(S1, 5));

        buffer.clear();

        assertThat(buffer.size()).isZero();
        assertThat(buffer.drain(S1, 4)).isEmpty();
    }

    @Test
    void aCapacityBelowOneIsRejected() {
        assertThatThrownBy(() -> new GapBuffer(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("capacity: must be at least 1, was 0");
    }
}
