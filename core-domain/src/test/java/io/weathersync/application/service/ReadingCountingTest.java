package io.weathersync.application.service;

import io.weathersync.adapter.memory.InMemoryChangeBus;
import io.weathersync.adapter.memory.InMemoryChangeLog;
import io.weathersync.adapter.memory.InMemoryReadingCounts;
import io.weathersync.application.port.out.ReadingCounts;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ReadingCount;
import io.weathersync.domain.model.WeatherReading;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static io.weathersync.testing.TestReadings.T0;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

/** The write path counts every stored batch by source and city; a failing counter never fails the write. */
class ReadingCountingTest {

    private final InMemoryChangeLog log = new InMemoryChangeLog();
    private final Clock clock = Clock.fixed(T0.plus(Duration.ofHours(2)), ZoneOffset.UTC);

    @Test
    void publishedReadingsAreCountedEvenWhenUnchanged() {
        InMemoryReadingCounts counts = new InMemoryReadingCounts();
        PublishReadingsService service = new PublishReadingsService(log, new InMemoryChangeBus(), Optional.empty(),
                Optional.of(counts), clock);

        service.publish(List.of(reading("Oslo", 0, 1), reading("Bergen", 0, 2)));
        service.publish(List.of(reading("Oslo", 0, 1)));

        assertThat(counts.counts()).containsExactly(new ReadingCount("test", "Bergen", 1),
                new ReadingCount("test", "Oslo", 2));
    }

    @Test
    void aFailingCounterLeavesTheBatchStored() {
        ReadingCounts broken = new ReadingCounts() {
            @Override
            public void count(List<WeatherReading> ingested, List<Change> changes) {
                throw new IllegalStateException("redis away");
            }

            @Override
            public List<ReadingCount> counts() {
                return List.of();
            }
        };
        PublishReadingsService service = new PublishReadingsService(log, new InMemoryChangeBus(), Optional.empty(),
                Optional.of(broken), clock);

        assertThat(service.publish(List.of(reading("Oslo", 0, 1))).changes()).isEqualTo(1);
        assertThat(log.head()).isEqualTo(1);
    }
}
