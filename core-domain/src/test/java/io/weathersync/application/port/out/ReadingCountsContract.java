package io.weathersync.application.port.out;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ReadingCount;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ReadingCounts} adapter does; subclass once per adapter with a fresh, empty store. */
public abstract class ReadingCountsContract {

    /** A fresh adapter counting from zero. */
    protected abstract ReadingCounts createCounts();

    @Test
    void freshCountsAreEmpty() {
        assertThat(createCounts().counts()).isEmpty();
    }

    @Test
    void readingsAreCountedBySourceAndCitySorted() {
        ReadingCounts counts = createCounts();
        WeatherReading beijing = reading("Beijing", 1, 20.0);
        WeatherReading paris = reading("Paris", 1, 10.0);
        counts.count(List.of(beijing, paris, reading("Beijing", 2, 21.0)), List.of());
        counts.count(List.of(beijing), List.of(new Change(StreamId.random(), 1, beijing)));

        assertThat(counts.counts()).containsExactly(
                new ReadingCount(beijing.source(), "Beijing", 3),
                new ReadingCount(paris.source(), "Paris", 1));
    }

    @Test
    void cityNamesWithSeparatorsSurvive() {
        ReadingCounts counts = createCounts();
        counts.count(List.of(reading("Rio|de:Janeiro", 1, 25.0)), List.of());

        assertThat(counts.counts()).extracting(ReadingCount::city).containsExactly("Rio|de:Janeiro");
    }

    @Test
    void countsFromManyThreadsAddUp() {
        ReadingCounts counts = createCounts();
        WeatherReading oslo = reading("Oslo", 1, 1.0);
        IntStream.range(0, 200).parallel().forEach(i -> counts.count(List.of(oslo), List.of()));

        assertThat(counts.counts()).containsExactly(new ReadingCount(oslo.source(), "Oslo", 200));
    }

    @Test
    void anEmptyBatchCountsNothing() {
        ReadingCounts counts = createCounts();
        counts.count(List.of(), List.of());

        assertThat(counts.counts()).isEmpty();
    }
}
