package io.weathersync.domain.model;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Change, SyncState, Coordinates and GeocodingAnswer: the small records' own checks. */
class ValueRecordsTest {

    private static final WeatherReading READING =
            WeatherReading.of(new City("Oslo"), Instant.parse("2026-11-23T10:00:00Z"), 1, 50, "test");

    @Test
    void aChangeNeedsASeqOfAtLeastOne() {
        assertThat(new Change(new StreamId("s"), 1, READING).seq()).isEqualTo(1);
        assertThatThrownBy(() -> new Change(new StreamId("s"), 0, READING))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("seq: must be at least 1, was 0");
    }

    @Test
    void aChangeNeedsAStreamAndAReading() {
        assertThatThrownBy(() -> new Change(null, 1, READING)).hasMessageStartingWith("stream:");
        assertThatThrownBy(() -> new Change(new StreamId("s"), 1, null)).hasMessageStartingWith("reading:");
    }

    @Test
    void anEmptySyncStateFollowsNothing() {
        assertThat(SyncState.EMPTY.followed()).isEmpty();
        assertThat(SyncState.EMPTY.appliedSeq()).isZero();
        assertThat(new SyncState(new StreamId("s"), 3).followed()).contains(new StreamId("s"));
    }

    @Test
    void aSyncStateRejectsANegativeSeqOrASeqWithoutStream() {
        assertThatThrownBy(() -> new SyncState(new StreamId("s"), -1))
                .hasMessage("applied_seq: must not be negative, was -1");
        assertThatThrownBy(() -> new SyncState(null, 1))
                .hasMessage("applied_seq: must be 0 while no stream is followed");
    }

    @Test
    void coordinatesOffTheEarthAreRejectedNamingTheField() {
        assertThatThrownBy(() -> new Coordinates(Math.nextUp(90.0), 0)).hasMessageStartingWith("latitude:");
        assertThatThrownBy(() -> new Coordinates(0, Math.nextDown(-180.0))).hasMessageStartingWith("longitude:");
    }

    @Test
    void aGeocodingAnswerNeedsItsTimeAndAFoundOneItsCoordinates() {
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        assertThat(new GeocodingAnswer.NotFound(at).at()).isEqualTo(at);
        assertThatThrownBy(() -> new GeocodingAnswer.NotFound(null)).hasMessageStartingWith("at:");
        assertThatThrownBy(() -> new GeocodingAnswer.Found(null, at)).hasMessageStartingWith("coordinates:");
        assertThatThrownBy(() -> new GeocodingAnswer.Found(new Coordinates(1, 2), null))
                .hasMessageStartingWith("at:");
    }
}
