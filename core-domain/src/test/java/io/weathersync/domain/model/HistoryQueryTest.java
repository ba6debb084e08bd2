package io.weathersync.domain.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bounds of a history request: range, span, cursor and page size. */
class HistoryQueryTest {

    private static final City CITY = new City("Oslo");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2026-02-01T00:00:00Z");

    @Test
    void withoutCursorTheStoreStartsAtTheStart() {
        assertThat(new HistoryQuery(CITY, START, END, null, 10).effectiveAfterOrAt()).isEqualTo(START);
    }

    @Test
    void withACursorTheStoreStartsAfterIt() {
        Instant cursor = START.plusSeconds(60);

        assertThat(new HistoryQuery(CITY, START, END, cursor, 10).effectiveAfterOrAt()).isEqualTo(cursor);
    }

    @Test
    void anEndNotAfterTheStartIsRejectedSayingWhichItIs() {
        assertThatThrownBy(() -> new HistoryQuery(CITY, START, START, null, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("end: equals start " + START + ", so the range [start, end) holds nothing; give a later end");
        assertThatThrownBy(() -> new HistoryQuery(CITY, END, START, null, 10))
                .hasMessage("end: " + START + " is before start " + END + "; swap them");
    }

    @Test
    void aSpanOfExactlyTheMaximumIsAcceptedAndOneMillisecondMoreIsRejected() {
        Instant farthest = START.plus(HistoryQuery.MAX_SPAN);

        assertThat(new HistoryQuery(CITY, START, farthest, null, 10).end()).isEqualTo(farthest);
        assertThatThrownBy(() -> new HistoryQuery(CITY, START, farthest.plusMillis(1), null, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("end: the span from start must be at most 366 days");
    }

    @Test
    void aLimitFromOneToTheMaximumIsAccepted() {
        assertThat(new HistoryQuery(CITY, START, END, null, 1).limit()).isEqualTo(1);
        assertThat(new HistoryQuery(CITY, START, END, null, HistoryQuery.MAX_LIMIT).limit()).isEqualTo(1000);
    }

    @Test
    void aLimitOutsideItsBoundIsRejectedNamingIt() {
        assertThatThrownBy(() -> new HistoryQuery(CITY, START, END, null, 0))
                .hasMessage("limit: must be between 1 and 1000, was 0");
        assertThatThrownBy(() -> new HistoryQuery(CITY, START, END, null, 1001))
                .hasMessage("limit: must be between 1 and 1000, was 1001");
    }

    @Test
    void aCursorFromTheStartToJustBeforeTheEndIsAccepted() {
        assertThat(new HistoryQuery(CITY, START, END, START, 10).after()).isEqualTo(START);
        assertThat(new HistoryQuery(CITY, START, END, END.minusMillis(1), 10).after()).isEqualTo(END.minusMillis(1));
    }

    @Test
    void aCursorBeforeTheStartIsRejectedRatherThanWideningTheRange() {
        assertThatThrownBy(() -> new HistoryQuery(CITY, START, END, START.minusMillis(1), 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("after: must be within [start");
    }

    @Test
    void aCursorAtOrAfterTheEndIsRejected() {
        assertThatThrownBy(() -> new HistoryQuery(CITY, START, END, END, 10))
                .hasMessageStartingWith("after: must be within [start");
        assertThatThrownBy(() -> new HistoryQuery(CITY, START, END, END.plus(Duration.ofDays(1)), 10))
                .hasMessageStartingWith("after: must be within [start");
    }

    @Test
    void missingPartsAreRejectedNamingThem() {
        assertThatThrownBy(() -> new HistoryQuery(null, START, END, null, 10)).hasMessageStartingWith("city:");
        assertThatThrownBy(() -> new HistoryQuery(CITY, null, END, null, 10)).hasMessageStartingWith("start:");
        assertThatThrownBy(() -> new HistoryQuery(CITY, START, null, null, 10)).hasMessageStartingWith("end:");
    }
}
