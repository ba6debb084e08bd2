package io.weathersync.adapter.http.weather;

import io.weathersync.adapter.http.client.FakeHttpServer;
import io.weathersync.adapter.http.client.FakeHttpServer.Response;
import io.weathersync.adapter.memory.InMemoryGeocodedCities;
import io.weathersync.application.port.out.FetchResult;
import io.weathersync.application.port.out.GeocodedCities;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.CitySpec;
import io.weathersync.domain.model.Coordinates;
import io.weathersync.domain.model.GeocodingAnswer;
import io.weathersync.domain.model.GeocodingAnswer.Found;
import io.weathersync.domain.model.GeocodingAnswer.NotFound;
import io.weathersync.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static io.weathersync.adapter.http.weather.OpenMeteoAnswers.TIME;
import static org.assertj.core.api.Assertions.assertThat;

/** The Open-Meteo source's names outside the built-in table: geocoded once, every answer kept in the store. */
class OpenMeteoGeocodingTest {

    private static final String FORECAST = "/v1/forecast";
    private static final String SEARCH = "/v1/search";
    private static final City ZOCCA = new City("Zocca");
    private static final City ATLANTIS = new City("Atlantisxyz");

    private final FakeHttpServer api = FakeHttpServer.start();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:05:00Z"));
    private final InMemoryGeocodedCities geocoded = new InMemoryGeocodedCities();
    private final AtomicInteger storeReads = new AtomicInteger();
    private OpenMeteoWeatherSource source;

    private OpenMeteoWeatherSource source(GeocodedCities store) {
        source = new OpenMeteoWeatherSource(api.baseUrl(), api.baseUrl(), store, new HttpSettings(
                Duration.ofSeconds(2), Duration.ofSeconds(2), 2, Duration.ofMillis(1), Duration.ofMillis(2)),
                new RecordingSleeper(), clock);
        api.on(FORECAST, request -> Response.json(200, OpenMeteoAnswers.forecast(request, TIME)));
        return source;
    }

    private OpenMeteoWeatherSource source() {
        return source(new GeocodedCities() {
            @Override
            public Optional<GeocodingAnswer> find(City city) {
                storeReads.incrementAndGet();
                return geocoded.find(city);
            }

            @Override
            public void remember(City city, GeocodingAnswer answer) {
                geocoded.remember(city, answer);
            }
        });
    }

    @AfterEach
    void stop() {
        source.close();
        api.close();
    }

    private static List<CitySpec> specs(String... entries) {
        return Arrays.stream(entries).map(CitySpec::parse).toList();
    }

    private void searchFinds(String name, double latitude, double longitude) {
        api.on(SEARCH, request -> Response.json(200, OpenMeteoAnswers.geocoded(name, latitude, longitude)));
    }

    private void searchFindsNothing() {
        api.on(SEARCH, request -> Response.json(200, OpenMeteoAnswers.notFound()));
    }

    @Test
    void unknownNameIsGeocodedOnceAndRememberedInTheStore() {
        searchFinds("Zocca", 44.34, 10.99);
        source();

        FetchResult first = source.fetch(specs("Zocca", "Berlin"));
        FetchResult second = source.fetch(specs("zocca", "Berlin"));

        assertThat(first.failures()).isEmpty();
        assertThat(second.readings()).extracting(r -> r.city().name()).containsExactly("zocca", "Berlin");
        assertThat(api.requests(SEARCH)).hasSize(1);
        assertThat(api.requests(SEARCH).getFirst().params()).containsEntry("name", "Zocca").containsEntry("count", "1");
        assertThat(geocoded.find(ZOCCA)).contains(new Found(new Coordinates(44.34, 10.99), clock.instant()));
        assertThat(api.requests(FORECAST).getLast().params().get("latitude")).startsWith("44.3400,");
        assertThat(storeReads).as("the store is read once per name, a table city never").hasValue(1);
    }

    @Test
    void nameWithoutGeocodingMatchIsReportedAndRememberedWhileTheOthersSucceed() {
        searchFindsNothing();
        source();

        FetchResult result = source.fetch(specs("Paris", "Atlantisxyz", "London"));
        FetchResult again = source.fetch(specs("Atlantisxyz"));

        assertThat(result.readings()).extracting(r -> r.city().name()).containsExactly("Paris", "London");
        assertThat(result.failures()).containsOnlyKeys(ATLANTIS);
        assertThat(result.failures().get(ATLANTIS)).contains("unknown city");
        assertThat(again.failures().get(ATLANTIS)).contains("unknown city");
        assertThat(api.requests(SEARCH)).as("a name that matched nothing is not looked up again at once").hasSize(1);
        assertThat(geocoded.find(ATLANTIS)).contains(new NotFound(clock.instant()));
    }

    @Test
    void nameThatMatchedNothingIsAskedAgainOnceADayHasPassed() {
        searchFindsNothing();
        source();
        Instant missedAt = clock.instant();
        source.fetch(specs("Atlantisxyz"));

        clock.advance(OpenMeteoGeocoder.NO_MATCH_RETRY_AFTER.minusSeconds(1));
        FetchResult stillUnknown = source.fetch(specs("Atlantisxyz"));
        clock.advance(Duration.ofSeconds(1));
        searchFinds("Atlantisxyz", 1.5, -30.25);
        FetchResult found = source.fetch(specs("Atlantisxyz"));

        assertThat(stillUnknown.failures()).containsOnlyKeys(ATLANTIS);
        assertThat(found.failures()).isEmpty();
        assertThat(found.readings()).singleElement().satisfies(r -> assertThat(r.city()).isEqualTo(ATLANTIS));
        assertThat(api.requests(SEARCH)).hasSize(2);
        assertThat(geocoded.find(ATLANTIS)).contains(new Found(new Coordinates(1.5, -30.25),
                missedAt.plus(OpenMeteoGeocoder.NO_MATCH_RETRY_AFTER)));
    }

    @Test
    void answersRememberedBeforeARestartAreUsedWithoutAsking() {
        searchFinds("Elsewhere", 1, 1);
        geocoded.remember(ZOCCA, new Found(new Coordinates(44.34, 10.99), clock.instant().minus(Duration.ofDays(400))));
        geocoded.remember(ATLANTIS, new NotFound(clock.instant().minus(Duration.ofHours(23))));
        source();

        FetchResult first = source.fetch(specs("Zocca", "Atlantisxyz"));
        FetchResult second = source.fetch(specs("Zocca", "Atlantisxyz"));

        assertThat(first.readings()).extracting(r -> r.city().name()).containsExactly("Zocca");
        assertThat(first.failures().get(ATLANTIS)).contains("unknown city");
        assertThat(second.readings()).hasSize(1);
        assertThat(api.requests(SEARCH)).isEmpty();
        assertThat(api.requests(FORECAST).getFirst().params().get("latitude")).isEqualTo("44.3400");
        assertThat(storeReads).as("each name is read from the store once per process").hasValue(2);
    }

    @Test
    void failedLookupIsNotRememberedAndIsTriedAgainNextCycle() {
        api.on(SEARCH, request -> Response.json(500, OpenMeteoAnswers.error("Internal Server Error")));
        source();

        FetchResult failed = source.fetch(specs("Zocca", "Berlin"));
        searchFinds("Zocca", 44.34, 10.99);
        FetchResult next = source.fetch(specs("Zocca", "Berlin"));

        assertThat(failed.readings()).extracting(r -> r.city().name()).containsExactly("Berlin");
        assertThat(failed.failures().get(ZOCCA)).contains("HTTP 500");
        assertThat(next.failures()).isEmpty();
        assertThat(geocoded.find(ZOCCA)).get().isInstanceOf(Found.class);
    }

    @Test
    void storeThatCannotBeReadFailsOnlyThatCityAndAsksTheApiNothing() {
        searchFinds("Zocca", 44.34, 10.99);
        source(new GeocodedCities() {
            @Override
            public Optional<GeocodingAnswer> find(City city) {
                throw new IllegalStateException("database down");
            }

            @Override
            public void remember(City city, GeocodingAnswer answer) {
                throw new IllegalStateException("database down");
            }
        });

        FetchResult result = source.fetch(specs("Zocca", "Berlin"));

        assertThat(result.readings()).extracting(r -> r.city().name()).containsExactly("Berlin");
        assertThat(result.failures().get(ZOCCA)).contains("store of geocoded cities failed");
        assertThat(api.requests(SEARCH)).isEmpty();
    }

    @Test
    void storeThatCannotBeWrittenStillGivesTheReadingAndAsksOncePerProcess() {
        searchFinds("Zocca", 44.34, 10.99);
        source(new GeocodedCities() {
            @Override
            public Optional<GeocodingAnswer> find(City city) {
                return Optional.empty();
            }

            @Override
            public void remember(City city, GeocodingAnswer answer) {
                throw new IllegalStateException("database read-only");
            }
        });

        FetchResult first = source.fetch(specs("Zocca"));
        FetchResult second = source.fetch(specs("Zocca"));

        assertThat(first.readings()).hasSize(1);
        assertThat(second.readings()).hasSize(1);
        assertThat(api.requests(SEARCH)).hasSize(1);
    }
}
