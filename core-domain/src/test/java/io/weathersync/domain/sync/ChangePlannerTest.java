package io.weathersync.domain.sync;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.ReadingKey;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The master's write rule: which readings of a batch are changes, and their seqs. */
class ChangePlannerTest {

    private static final StreamId STREAM = new StreamId("s1");
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static WeatherReading reading(String city, int minute, double temp) {
        return WeatherReading.of(new City(city), T0.plusSeconds(60L * minute), temp, 50, "test");
    }

    private static List<Long> seqs(List<Change> changes) {
        return changes.stream().map(Change::seq).toList();
    }

    @Test
    void newReadingsGetTheSeqsAfterTheHeadInBatchOrder() {
        List<WeatherReading> batch = List.of(reading("A", 0, 1), reading("B", 0, 2), reading("C", 0, 3));

        List<Change> changes = ChangePlanner.plan(STREAM, 41, batch, Map.of());

        assertThat(seqs(changes)).containsExactly(42L, 43L, 44L);
        assertThat(changes).extracting(Change::reading).containsExactlyElementsOf(batch);
        assertThat(changes).allSatisfy(change -> assertThat(change.stream()).isEqualTo(STREAM));
    }

    @Test
    void unchangedReadingsLeaveNoHoleInTheSeqs() {
        Map<ReadingKey, WeatherReading> stored = Map.of(reading("B", 0, 2).key(), reading("B", 0, 2));

        List<Change> changes = ChangePlanner.plan(STREAM, 10,
                List.of(reading("A", 0, 1), reading("B", 0, 2), reading("C", 0, 3)), stored);

        assertThat(seqs(changes)).containsExactly(11L, 12L);
        assertThat(changes).extracting(c -> c.reading().city().name()).containsExactly("A", "C");
    }

    @Test
    void aCorrectionOfAStoredReadingIsAChange() {
        Map<ReadingKey, WeatherReading> stored = Map.of(reading("A", 0, 1).key(), reading("A", 0, 1));

        List<Change> changes = ChangePlanner.plan(STREAM, 5, List.of(reading("a", 0, 1.5)), stored);

        assertThat(changes).containsExactly(new Change(STREAM, 6, reading("a", 0, 1.5)));
    }

    @Test
    void theSameKeyTwiceWithDifferentValuesIsTwoChangesTheLaterLast() {
        List<Change> changes = ChangePlanner.plan(STREAM, 0,
                List.of(reading("A", 0, 1), reading("A", 0, 2)), Map.of());

        assertThat(changes).containsExactly(new Change(STREAM, 1, reading("A", 0, 1)),
                new Change(STREAM, 2, reading("A", 0, 2)));
    }

    @Test
    void theSameReadingTwiceInABatchIsOneChange() {
        assertThat(seqs(ChangePlanner.plan(STREAM, 0, List.of(reading("A", 0, 1), reading("A", 0, 1)), Map.of())))
                .containsExactly(1L);
    }

    @Test
    void aValueChangedThenRepeatedThenChangedBackIsTwoChanges() {
        Map<ReadingKey, WeatherReading> stored = Map.of(reading("A", 0, 1).key(), reading("A", 0, 1));

        List<Change> changes = ChangePlanner.plan(STREAM, 3,
                List.of(reading("A", 0, 2), reading("A", 0, 2), reading("A", 0, 1)), stored);

        assertThat(seqs(changes)).containsExactly(4L, 5L);
        assertThat(changes.getLast().reading()).isEqualTo(reading("A", 0, 1));
    }

    @Test
    void anEmptyBatchPlansNothing() {
        assertThat(ChangePlanner.plan(STREAM, 7, List.of(), Map.of())).isEmpty();
    }

    @Test
    void theStoredMapIsLeftAsItWas() {
        Map<ReadingKey, WeatherReading> stored = new HashMap<>();
        stored.put(reading("A", 0, 1).key(), reading("A", 0, 1));

        ChangePlanner.plan(STREAM, 0, List.of(reading("A", 0, 2), reading("B", 0, 1)), stored);

        assertThat(stored).containsExactly(Map.entry(reading("A", 0, 1).key(), reading("A", 0, 1)));
    }
}
