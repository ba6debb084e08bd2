package io.weathersync.application.port.out;

import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.HistoryPage;
import io.weathersync.domain.model.HistoryQuery;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.domain.sync.DigestBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static io.weathersync.testing.TestReadings.T0;
import static io.weathersync.testing.TestReadings.at;
import static io.weathersync.testing.TestReadings.exact;
import static io.weathersync.testing.TestReadings.exactReadings;
import static io.weathersync.testing.TestReadings.full;
import static io.weathersync.testing.TestReadings.minimal;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read side shared by {@link ChangeLogContract} and {@link ReplicaContract}: latest, latest of all,
 * bounded and paged history, exact round-trip of every field, and a digest equal to the reference one.
 */
public abstract class WeatherReadingsContract {

    /**
     * A fresh store holding {@code readings}, written in this order as one batch (a later reading of the same
     * key wins), and reopened where the adapter supports it.
     */
    protected abstract WeatherReadings holding(List<WeatherReading> readings);

    private static HistoryQuery query(String city, Instant start, Instant end, Instant after, int limit) {
        return new HistoryQuery(new City(city), start, end, after, limit);
    }

    @Test
    void latestOfACityWithoutReadingsIsEmpty() {
        WeatherReadings store = holding(List.of(reading("Beijing", 0, 20)));

        assertThat(store.latest(new City("Shanghai"))).isEmpty();
    }

    @Test
    void latestIsTheNewestObservationWhateverTheWriteOrder() {
        WeatherReadings store = holding(List.of(reading("Beijing", 30, 22), reading("Beijing", 0, 20),
                reading("Beijing", 15, 21)));

        assertThat(store.latest(new City("Beijing"))).map(r -> exact(r)).contains(exact(reading("Beijing", 30, 22)));
    }

    @Test
    void latestFindsTheCityWhateverItsCaseOrSpacing() {
        WeatherReadings store = holding(List.of(reading("New York", 0, 5)));

        assertThat(store.latest(new City("  new   YORK "))).map(r -> exact(r))
                .contains(exact(reading("New York", 0, 5)));
    }

    @Test
    void latestAllHoldsTheNewestReadingOfEachCityOrderedByName() {
        WeatherReadings store = holding(List.of(reading("cairo", 0, 30), reading("Berlin", 10, 4),
                reading("amsterdam", 5, 7), reading("Berlin", 20, 5), reading("cairo", 10, 31)));

        assertThat(exactReadings(store.latestAll())).containsExactly(
                exact(reading("amsterdam", 5, 7)), exact(reading("Berlin", 20, 5)), exact(reading("cairo", 10, 31)));
    }

    @Test
    void latestAllOfAnEmptyStoreIsEmpty() {
        assertThat(holding(List.of()).latestAll()).isEmpty();
    }

    @Test
    void historyIncludesTheStartAndExcludesTheEnd() {
        Instant start = at(10);
        Instant end = at(20);
        WeatherReadings store = holding(List.of(
                reading("Oslo", start.minusMillis(1), 1), reading("Oslo", start, 2),
                reading("Oslo", end.minusMillis(1), 3), reading("Oslo", end, 4)));

        HistoryPage page = store.history(query("Oslo", start, end, null, 100));

        assertThat(exactReadings(page.readings())).containsExactly(
                exact(reading("Oslo", start, 2)), exact(reading("Oslo", end.minusMillis(1), 3)));
        assertThat(page.next()).isEmpty();
    }

    @Test
    void historyHoldsOnlyTheAskedCityOldestFirstWhateverItsCase() {
        WeatherReadings store = holding(List.of(reading("Paris", 3, 13), reading("Lyon", 2, -1),
                reading("Paris", 1, 11), reading("Paris", 2, 12)));

        HistoryPage page = store.history(query("PARIS", at(0), at(60), null, 100));

        assertThat(exactReadings(page.readings())).containsExactly(exact(reading("Paris", 1, 11)),
                exact(reading("Paris", 2, 12)), exact(reading("Paris", 3, 13)));
    }

    @Test
    void historyPagesFollowTheCursorUntilTheLastPage() {
        List<WeatherReading> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(reading("Rome", i, 10 + i));
        }
        WeatherReadings store = holding(five);

        HistoryPage first = store.history(query("Rome", at(0), at(60), null, 2));
        HistoryPage second = store.history(query("Rome", at(0), at(60), first.next().orElseThrow(), 2));
        HistoryPage third = store.history(query("Rome", at(0), at(60), second.next().orElseThrow(), 2));

        assertThat(exactReadings(first.readings())).containsExactlyElementsOf(exactReadings(five.subList(0, 2)));
        assertThat(first.next()).contains(at(1));
        assertThat(exactReadings(second.readings())).containsExactlyElementsOf(exactReadings(five.subList(2, 4)));
        assertThat(second.next()).contains(at(3));
        assertThat(exactReadings(third.readings())).containsExactlyElementsOf(exactReadings(five.subList(4, 5)));
        assertThat(third.next()).isEmpty();
    }

    @Test
    void historyLastPageThatIsExactlyFullHasNoCursor() {
        WeatherReadings store = holding(List.of(reading("Rome", 0, 1), reading("Rome", 1, 2), reading("Rome", 2, 3),
                reading("Rome", 3, 4)));

        HistoryPage first = store.history(query("Rome", at(0), at(60), null, 2));
        HistoryPage second = store.history(query("Rome", at(0), at(60), first.next().orElseThrow(), 2));

        assertThat(first.next()).contains(at(1));
        assertThat(exactReadings(second.readings()))
                .containsExactly(exact(reading("Rome", 2, 3)), exact(reading("Rome", 3, 4)));
        assertThat(second.next()).isEmpty();
    }

    @Test
    void historyCursorExcludesTheReadingAtTheCursor() {
        WeatherReadings store = holding(List.of(reading("Rome", 0, 1), reading("Rome", 1, 2), reading("Rome", 2, 3)));

        HistoryPage page = store.history(query("Rome", at(0), at(60), at(1), 10));

        assertThat(exactReadings(page.readings())).containsExactly(exact(reading("Rome", 2, 3)));
    }

    @Test
    void historyOfACityWithoutReadingsIsAnEmptyLastPage() {
        WeatherReadings store = holding(List.of(reading("Rome", 0, 1)));

        HistoryPage page = store.history(query("Madrid", at(0), at(60), null, 10));

        assertThat(page.readings()).isEmpty();
        assertThat(page.next()).isEmpty();
    }

    @Test
    void everyFieldRoundTripsExactlyAndAbsentOnesStayAbsent() {
        WeatherReading all = full("São Paulo", Instant.parse("2026-11-23T10:00:00.123Z"));
        WeatherReading bare = minimal("Zürich", Instant.parse("2026-11-23T10:00:00.999Z"));
        WeatherReadings store = holding(List.of(all, bare));

        WeatherReading gotAll = store.latest(new City("são paulo")).orElseThrow();
        WeatherReading gotBare = store.history(query("Zürich", T0, at(1), null, 10)).readings().getFirst();

        assertThat(exact(gotAll)).isEqualTo(exact(all));
        assertThat(gotAll).isEqualTo(all);
        assertThat(gotAll.city().name()).isEqualTo("São Paulo");
        assertThat(gotAll.observedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00.123Z"));
        assertThat(exact(gotBare)).isEqualTo(exact(bare));
        assertThat(gotBare.pressure()).isNull();
        assertThat(gotBare.windSpeed()).isNull();
        assertThat(gotBare.windDirection()).isNull();
        assertThat(gotBare.precipitation()).isNull();
        assertThat(gotBare.weatherCode()).isNull();
    }

    @Test
    void extremeButValidValuesRoundTripExactly() {
        WeatherReading low = new WeatherReading(new City("A"), Instant.EPOCH, -100, 0, 300.0, 0.0, 0.0, 0.0, 0,
                "a");
        WeatherReading high = new WeatherReading(new City("x".repeat(City.MAX_LENGTH)), at(0), 70, 100, 1100.0, 120.0,
                360.0, 500.0, 999, "s".repeat(32));
        WeatherReadings store = holding(List.of(low, high));

        assertThat(exactReadings(store.latestAll())).containsExactly(exact(low), exact(high));
    }

    @Test
    void digestEqualsTheReferenceDigestOfTheReadingsHeld() {
        List<WeatherReading> readings = List.of(full("São Paulo", at(0)), minimal("Zürich", at(1)),
                reading("Oslo", 2, -3), reading("Oslo", 3, -4));
        DigestBuilder reference = new DigestBuilder();
        readings.forEach(reference::add);

        Digest digest = holding(readings).digest();

        assertThat(digest.rows()).isEqualTo(4);
        assertThat(digest.hash()).isEqualTo(reference.build(null, 0).hash());
    }

    @Test
    void digestOfAnEmptyStoreHasNoRowsAndTheEmptyHash() {
        Digest digest = holding(List.of()).digest();

        assertThat(digest.rows()).isZero();
        assertThat(digest.appliedSeq()).isZero();
        assertThat(digest.hash()).isEqualTo(new DigestBuilder().build(null, 0).hash());
    }

    @Test
    void digestIsTheSameForTheSameReadingsWrittenInAnotherOrder() {
        List<WeatherReading> readings = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            readings.add(reading("City " + (i % 7), i, i / 2.0));
        }
        List<WeatherReading> shuffled = new ArrayList<>(readings);
        Collections.shuffle(shuffled, new Random(42));

        Digest one = holding(readings).digest();
        Digest other = holding(shuffled).digest();

        assertThat(other.rows()).isEqualTo(one.rows()).isEqualTo(30);
        assertThat(other.appliedSeq()).isEqualTo(one.appliedSeq());
        assertThat(other.hash()).isEqualTo(one.hash());
    }

    @Test
    void digestDiffersWhenAReadingIsCorrected() {
        WeatherReading original = reading("Oslo", 0, 1.0);
        WeatherReading corrected = reading("Oslo", 0, 1.5);

        Digest before = holding(List.of(original, reading("Bergen", 0, 2))).digest();
        Digest after = holding(List.of(original, reading("Bergen", 0, 2), corrected)).digest();

        assertThat(after.rows()).isEqualTo(before.rows()).isEqualTo(2);
        assertThat(after.hash()).isNotEqualTo(before.hash());
    }
}
