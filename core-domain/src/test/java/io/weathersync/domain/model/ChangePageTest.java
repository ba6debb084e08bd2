package io.weathersync.domain.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The invariants of a page of the compacted log. */
class ChangePageTest {

    private static final StreamId STREAM = new StreamId("s1");

    private static Change change(StreamId stream, long seq) {
        return new Change(stream, seq, WeatherReading.of(new City("Oslo"), Instant.parse("2026-11-23T10:00:00Z")
                .plusSeconds(seq), 1, 50, "test"));
    }

    @Test
    void aPageCompleteThroughTheHeadIsTheLast() {
        ChangePage page = new ChangePage(STREAM, 5, List.of(change(STREAM, 2), change(STREAM, 5)), 5);

        assertThat(page.isLast()).isTrue();
        assertThat(page.changes()).hasSize(2);
    }

    @Test
    void aPageShortOfTheHeadIsNotTheLast() {
        assertThat(new ChangePage(STREAM, 9, List.of(change(STREAM, 2), change(STREAM, 5)), 5).isLast()).isFalse();
    }

    @Test
    void anEmptyPageOfAnEmptyLogIsTheLast() {
        assertThat(new ChangePage(STREAM, 0, List.of(), 0).isLast()).isTrue();
    }

    @Test
    void aPageClaimingMoreThanTheHeadIsRejected() {
        assertThatThrownBy(() -> new ChangePage(STREAM, 4, List.of(), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("complete_through: must not exceed head 4, was 5");
    }

    @Test
    void changesOutOfOrderAreRejected() {
        assertThatThrownBy(() -> new ChangePage(STREAM, 5, List.of(change(STREAM, 3), change(STREAM, 2)), 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("changes: seq 2 is out of order");
    }

    @Test
    void aRepeatedSeqIsRejected() {
        assertThatThrownBy(() -> new ChangePage(STREAM, 5, List.of(change(STREAM, 3), change(STREAM, 3)), 5))
                .hasMessageStartingWith("changes: seq 3 is out of order");
    }

    @Test
    void aChangeBeyondCompleteThroughIsRejected() {
        assertThatThrownBy(() -> new ChangePage(STREAM, 9, List.of(change(STREAM, 3), change(STREAM, 6)), 5))
                .hasMessage("changes: seq 6 is out of order or beyond complete_through 5");
    }

    @Test
    void aChangeOfAnotherStreamIsRejected() {
        assertThatThrownBy(() -> new ChangePage(STREAM, 5, List.of(change(new StreamId("s2"), 1)), 5))
                .hasMessage("changes: seq 1 is of another stream");
    }

    @Test
    void thePageKeepsItsOwnCopyOfTheChanges() {
        List<Change> changes = new ArrayList<>(List.of(change(STREAM, 1)));
        ChangePage page = new ChangePage(STREAM, 1, changes, 1);

        changes.clear();

        assertThat(page.changes()).hasSize(1);
        assertThatThrownBy(() -> page.changes().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aPageWithoutStreamIsRejected() {
        assertThatThrownBy(() -> new ChangePage(null, 0, List.of(), 0)).hasMessageStartingWith("stream:");
    }
}
