package io.weathersync.application.service;

import io.weathersync.adapter.memory.InMemoryChangeBus;
import io.weathersync.adapter.memory.InMemoryChangeLog;
import io.weathersync.adapter.memory.InMemoryWeatherSource;
import io.weathersync.application.port.in.CollectionReport;
import io.weathersync.application.port.in.PublishResult;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.CitySpec;
import io.weathersync.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.weathersync.testing.TestReadings.T0;
import static io.weathersync.testing.TestReadings.exact;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

/** One poll cycle: failing or implausible cities are reported, the others stored. */
class CollectWeatherServiceTest {

    private static final Instant NOW = T0.plus(Duration.ofMinutes(5));

    private final InMemoryChangeLog log = new InMemoryChangeLog();
    private final InMemoryWeatherSource source = new InMemoryWeatherSource("test");
    private final MutableClock clock = new MutableClock(NOW);
    private final CollectWeatherService service = new CollectWeatherService(source,
            List.of(CitySpec.parse("Oslo"), CitySpec.parse("Bergen@60.39,5.32"), CitySpec.parse("Atlantis")),
            log, new InMemoryChangeBus(), Optional.empty(), clock);

    @Test
    void aFailingCityIsReportedAndTheOthersAreStored() {
        source.put(reading("Oslo", 0, 1));
        source.put(reading("Bergen", 0, 2));

        CollectionReport report = service.collect();

        assertThat(report.fetched()).isEqualTo(2);
        assertThat(report.result()).isEqualTo(new PublishResult(2, 2, 1, 2));
        assertThat(report.failures()).containsOnlyKeys(new City("Atlantis"));
        assertThat(log.latest(new City("Oslo")).map(r -> exact(r))).contains(exact(reading("Oslo", 0, 1)));
        assertThat(log.latest(new City("Bergen"))).isPresent();
    }

    @Test
    void anImplausibleFutureReadingIsDroppedIntoTheFailures() {
        source.put(reading("Oslo", 0, 1));
        source.put(reading("Bergen", NOW.plus(Duration.ofHours(1)).plusMillis(1), 2));

        CollectionReport report = service.collect();

        assertThat(report.fetched()).isEqualTo(2);
        assertThat(report.result()).isEqualTo(new PublishResult(1, 1, 1, 1));
        assertThat(report.failures()).containsOnlyKeys(new City("Bergen"), new City("Atlantis"));
        assertThat(report.failures().get(new City("Bergen")))
                .startsWith("timestamp: must not be more than 60 minutes in the future");
        assertThat(log.latest(new City("Bergen"))).isEmpty();
        assertThat(log.head()).isEqualTo(1);
    }

    @Test
    void aRepolledUnchangedObservationIsNoChange() {
        source.put(reading("Oslo", 0, 1));
        service.collect();
        clock.advance(Duration.ofSeconds(60));

        CollectionReport report = service.collect();

        assertThat(report.result()).isEqualTo(new PublishResult(1, 0, 0, 0));
        assertThat(log.head()).isEqualTo(1);
    }

    @Test
    void aNewObservationOfACityIsTheNextChange() {
        source.put(reading("Oslo", 0, 1));
        service.collect();
        source.put(reading("Oslo", 15, 2));

        CollectionReport report = service.collect();

        assertThat(report.result()).isEqualTo(new PublishResult(1, 1, 2, 2));
        assertThat(log.latest(new City("Oslo")).map(r -> exact(r))).contains(exact(reading("Oslo", 15, 2)));
    }

    @Test
    void whenEveryCityFailsNothingIsStored() {
        CollectionReport report = service.collect();

        assertThat(report.fetched()).isZero();
        assertThat(report.result()).isEqualTo(new PublishResult(0, 0, 0, 0));
        assertThat(report.failures()).hasSize(3);
        assertThat(log.head()).isZero();
    }

    @Test
    void aSourceFailingForEveryCityIsTheMastersProblemToldOnceForItsCause() {
        CollectionReport report = service.collect();

        assertThat(report.causes()).containsExactly(new CollectionReport.Cause("no reading set for this city",
                List.of(new City("Atlantis"), new City("Bergen"), new City("Oslo"))));
        assertThat(service.problem()).contains("weather source test gave no reading in the last poll: no reading set "
                + "for this city (3 of 3 cities)");
    }

    @Test
    void causesAreToldMostCitiesFirst() {
        CollectionReport report = new CollectionReport(0, new PublishResult(0, 0, 0, 0), java.util.Map.of(
                new City("Oslo"), "HTTP 404", new City("Rome"), "timeout", new City("Bergen"), "timeout"),
                Duration.ZERO);

        assertThat(report.causes()).extracting(CollectionReport.Cause::cause).containsExactly("timeout", "HTTP 404");
        assertThat(report.causes().getFirst().cities()).containsExactly(new City("Bergen"), new City("Rome"));
    }

    @Test
    void aCycleThatStoresAnyReadingIsNoProblemAndNeitherIsNoCycleYet() {
        Optional<String> beforeAnyCycle = service.problem();
        source.put(reading("Oslo", 0, 1));

        service.collect();

        assertThat(beforeAnyCycle).isEmpty();
        assertThat(service.problem()).isEmpty();
    }
}
