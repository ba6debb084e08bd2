package io.weathersync.application.service;

import io.weathersync.adapter.memory.InMemoryChangeBus;
import io.weathersync.adapter.memory.InMemoryChangeLog;
import io.weathersync.adapter.memory.InMemoryWeatherSource;
import io.weathersync.application.port.in.PollStatus;
import io.weathersync.application.port.out.FetchResult;
import io.weathersync.application.port.out.WeatherSource;
import io.weathersync.domain.model.CitySpec;
import io.weathersync.domain.model.FreeTier;
import io.weathersync.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.weathersync.testing.TestReadings.T0;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

/** The poll panel's figures: the schedule's cost against the free tier, and the last cycle once one ended. */
class PollStatusServiceTest {

    private static final Instant NOW = T0.plus(Duration.ofMinutes(5));
    private static final List<CitySpec> CITIES = List.of(CitySpec.parse("Oslo"), CitySpec.parse("Atlantis"));

    private final InMemoryWeatherSource memory = new InMemoryWeatherSource("test");
    private final MutableClock clock = new MutableClock(NOW);

    /** The in-memory source, one request per city, with a free tier of {@code perDay} requests a day. */
    private WeatherSource limited(long perDay) {
        return new WeatherSource() {
            @Override
            public String name() {
                return "limited";
            }

            @Override
            public FetchResult fetch(List<CitySpec> cities) {
                return memory.fetch(cities);
            }

            @Override
            public int requestsPerCycle(int cityCount) {
                return cityCount;
            }

            @Override
            public List<FreeTier> freeTiers() {
                return List.of(new FreeTier(perDay, Duration.ofDays(1)));
            }
        };
    }

    private CollectWeatherService collector(WeatherSource source) {
        return new CollectWeatherService(source, CITIES, new InMemoryChangeLog(), new InMemoryChangeBus(),
                Optional.empty(), clock);
    }

    @Test
    void beforeTheFirstCycleTheScheduleIsToldWithNoLastCycle() {
        WeatherSource source = limited(10_000);
        PollStatus status = new PollStatusService(source, 2, Duration.ofSeconds(60), collector(source)).pollStatus();

        assertThat(status.source()).isEqualTo("limited");
        assertThat(status.cities()).isEqualTo(2);
        assertThat(status.requestsPerDay()).isEqualTo(1440 * 2);
        assertThat(status.withinFreeTiers()).isTrue();
        assertThat(status.last()).isEmpty();
    }

    @Test
    void aScheduleOverTheFreeTierIsSaidToBe() {
        WeatherSource source = limited(2_000);
        PollStatus status = new PollStatusService(source, 2, Duration.ofSeconds(60), collector(source)).pollStatus();

        assertThat(status.requestsPerDay()).isEqualTo(2880);
        assertThat(status.withinFreeTiers()).isFalse();
    }

    @Test
    void theLastCycleSaysWhenItEndedAndWhatItDid() {
        WeatherSource source = limited(10_000);
        CollectWeatherService collector = collector(source);
        memory.put(reading("Oslo", 0, 1));
        collector.collect();

        PollStatus.Cycle last = new PollStatusService(source, 2, Duration.ofSeconds(60), collector).pollStatus()
                .last().orElseThrow();

        assertThat(last.endedAt()).isEqualTo(NOW);
        assertThat(last.report().fetched()).isEqualTo(1);
        assertThat(last.report().result().changes()).isEqualTo(1);
        assertThat(last.report().failures()).hasSize(1);
    }
}
