package io.weathersync.adapter.http.weather;

import io.weathersync.adapter.http.client.FakeHttpServer;
import io.weathersync.adapter.http.client.FakeHttpServer.Request;
import io.weathersync.adapter.http.client.FakeHttpServer.Response;
import io.weathersync.adapter.memory.InMemoryGeocodedCities;
import io.weathersync.application.port.out.FetchResult;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.CitySpec;
import io.weathersync.domain.model.Coordinates;
import io.weathersync.domain.model.FreeTier;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static io.weathersync.adapter.http.weather.OpenMeteoAnswers.TIME;
import static org.assertj.core.api.Assertions.assertThat;

class OpenMeteoWeatherSourceTest {

    private static final String FORECAST = "/v1/forecast";
    private static final Instant OBSERVED = Instant.parse(TIME + ":00Z");

    private final FakeHttpServer api = FakeHttpServer.start();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:05:00Z"));
    private final InMemoryGeocodedCities geocoded = new InMemoryGeocodedCities();
    private OpenMeteoWeatherSource source = source(new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(2),
            3, Duration.ofMillis(100), Duration.ofSeconds(10)));

    private OpenMeteoWeatherSource source(HttpSettings settings) {
        return new OpenMeteoWeatherSource(api.baseUrl(), api.baseUrl() + "/", geocoded, settings, sleeper, clock);
    }

    @AfterEach
    void stop() {
        source.close();
        api.close();
    }

    private static List<CitySpec> specs(String... entries) {
        return java.util.Arrays.stream(entries).map(CitySpec::parse).toList();
    }

    private static FakeHttpServer.Handler forecastAt(String time) {
        return request -> Response.json(200, OpenMeteoAnswers.forecast(request, time));
    }

    @Test
    void oneRequestGivesEveryCityItsReadingAtTheReportedTime() {
        api.on(FORECAST, forecastAt(TIME));

        FetchResult result = source.fetch(specs("Beijing", "Testville@10.5,-20.25", "Shanghai"));

        assertThat(result.failures()).isEmpty();
        assertThat(result.readings()).extracting(r -> r.city().name())
                .containsExactly("Beijing", "Testville", "Shanghai");
        WeatherReading first = result.readings().getFirst();
        assertThat(first.observedAt()).isEqualTo(OBSERVED);
        assertThat(first.temperature()).isEqualTo(10.0);
        assertThat(first.humidity()).isEqualTo(40.0);
        assertThat(first.pressure()).isEqualTo(1021.4);
        assertThat(first.windSpeed()).isEqualTo(3.6);
        assertThat(first.windDirection()).isEqualTo(284.0);
        assertThat(first.precipitation()).isEqualTo(0.1);
        assertThat(first.weatherCode()).isEqualTo(61);
        assertThat(first.source()).isEqualTo("open-meteo");
        assertThat(result.readings().get(1).temperature()).isEqualTo(10.5);
        assertThat(api.requests()).hasSize(1);
        Request request = api.requests().getFirst();
        assertThat(request.params()).containsEntry("latitude", "39.9042,10.5000,31.2304")
                .containsEntry("longitude", "116.4074,-20.2500,121.4737")
                .containsEntry("current", OpenMeteoReadings.CURRENT)
                .containsEntry("wind_speed_unit", "ms")
                .containsEntry("temperature_unit", "celsius")
                .containsEntry("timezone", "GMT");
    }

    @Test
    void repollingTheSameObservationGivesEqualReadings() {
        api.on(FORECAST, forecastAt(TIME));

        List<WeatherReading> first = source.fetch(specs("Paris", "Rome")).readings();
        clock.advance(Duration.ofMinutes(1));
        List<WeatherReading> second = source.fetch(specs("Paris", "Rome")).readings();

        assertThat(second).isEqualTo(first);
        assertThat(second).extracting(WeatherReading::key).isEqualTo(first.stream().map(WeatherReading::key).toList());
    }

    @Test
    void oneCityIsAnsweredWithASingleObject() {
        api.on(FORECAST, forecastAt(TIME));

        FetchResult result = source.fetch(specs("Tokyo"));

        assertThat(api.requests().getFirst().params().get("latitude")).doesNotContain(",");
        assertThat(result.readings()).singleElement().satisfies(r -> assertThat(r.observedAt()).isEqualTo(OBSERVED));
    }

    @Test
    void manyCitiesAreAskedInChunksOfAHundred() {
        api.on(FORECAST, forecastAt(TIME));
        List<CitySpec> cities = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            cities.add(new CitySpec(new City("Place " + i), new Coordinates(-60 + i * 0.8, 100 - i)));
        }

        FetchResult result = source.fetch(cities);

        assertThat(result.failures()).isEmpty();
        assertThat(result.readings()).hasSize(150);
        assertThat(api.requests(FORECAST)).extracting(r -> r.params().get("latitude").split(",").length)
                .containsExactly(100, 50);
        assertThat(result.readings().get(100).temperature()).isEqualTo(OpenMeteoAnswers.temperature(0));
        assertThat(OpenMeteoWeatherSource.httpRequestsPerCycle(10_000)).isEqualTo(100);
    }

    @Test
    void rateLimitIsWaitedOutAsRetryAfterAsksThenTheCallSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        api.on(FORECAST, request -> calls.incrementAndGet() == 1
                ? Response.json(429, OpenMeteoAnswers.error("Minutely API request limit exceeded. Please try again "
                        + "in one minute.")).withHeader("Retry-After", "7")
                : Response.json(200, OpenMeteoAnswers.forecast(request, TIME)));

        FetchResult result = source.fetch(specs("Paris", "Madrid"));

        assertThat(result.failures()).isEmpty();
        assertThat(result.readings()).hasSize(2);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterBeyondTheLongestBackoffStopsCallsUntilItHasPassed() {
        api.on(FORECAST, request -> Response.json(429, OpenMeteoAnswers.error("Daily API request limit exceeded."))
                .withHeader("Retry-After", "3600"));

        FetchResult limited = source.fetch(specs("Paris"));
        FetchResult meanwhile = source.fetch(specs("Paris"));
        clock.advance(Duration.ofSeconds(3601));
        api.on(FORECAST, forecastAt(TIME));
        FetchResult after = source.fetch(specs("Paris"));

        assertThat(limited.failures().get(new City("Paris"))).contains("HTTP 429").contains("3600 s");
        assertThat(meanwhile.failures().get(new City("Paris"))).contains("rate limited");
        assertThat(sleeper.waits).isEmpty();
        assertThat(after.readings()).hasSize(1);
        assertThat(api.requests(FORECAST)).as("nothing asked while limited").hasSize(2);
    }

    @Test
    void serverErrorIsRetriedWithGrowingJitteredBackoffThenReported() {
        api.on(FORECAST, request -> Response.json(500, "{\"error\":true,\"reason\":\"Internal Server Error\"}"));

        FetchResult result = source.fetch(specs("Paris", "Rome"));

        assertThat(api.requests(FORECAST)).hasSize(3);
        assertThat(sleeper.waits).hasSize(2);
        assertThat(sleeper.waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(sleeper.waits.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(result.readings()).isEmpty();
        assertThat(result.failures()).hasSize(2)
                .allSatisfy((city, reason) -> assertThat(reason).contains("HTTP 500 after 3 attempt(s)"));
    }

    @Test
    void serverErrorThatClearsIsRetriedToSuccess() {
        AtomicInteger calls = new AtomicInteger();
        api.on(FORECAST, request -> calls.incrementAndGet() < 3
                ? Response.json(503, "")
                : Response.json(200, OpenMeteoAnswers.forecast(request, TIME)));

        FetchResult result = source.fetch(specs("Paris"));

        assertThat(result.readings()).hasSize(1);
        assertThat(sleeper.waits).hasSize(2);
    }

    @Test
    void serverTooSlowToAnswerHitsTheRequestTimeout() {
        source.close();
        source = source(new HttpSettings(Duration.ofSeconds(1), Duration.ofMillis(300), 2, Duration.ofMillis(10),
                Duration.ofMillis(20)));
        api.on(FORECAST, request -> Response.json(200, OpenMeteoAnswers.forecast(request, TIME))
                .after(Duration.ofSeconds(20)));
        long started = System.nanoTime();

        FetchResult result = source.fetch(specs("Paris"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(result.failures().get(new City("Paris"))).contains("no answer within 300 ms");
        assertThat(api.requests(FORECAST)).hasSize(2);
    }

    @Test
    void bodyThatStallsHalfwayHitsTheRequestTimeout() {
        source.close();
        source = source(new HttpSettings(Duration.ofSeconds(1), Duration.ofMillis(300), 1, Duration.ofMillis(10),
                Duration.ofMillis(20)));
        api.on(FORECAST, request -> Response.json(200, OpenMeteoAnswers.forecast(request, TIME)).stalling());

        FetchResult result = source.fetch(specs("Paris"));

        assertThat(result.failures().get(new City("Paris"))).contains("no answer within 300 ms");
    }

    @Test
    void malformedJsonFailsTheCitiesOfThatRequestSayingSo() {
        api.on(FORECAST, request -> Response.json(200, "[{\"latitude\":48.86,\"current\":{\"time\":"));

        FetchResult result = source.fetch(specs("Paris", "Rome"));

        assertThat(result.readings()).isEmpty();
        assertThat(result.failures()).hasSize(2)
                .allSatisfy((city, reason) -> assertThat(reason).contains("malformed JSON"));
        assertThat(api.requests(FORECAST)).as("a malformed answer is not retried").hasSize(1);
    }

    @Test
    void missingOrImpossibleFieldsFailOnlyThatCity() {
        api.on(FORECAST, request -> Response.json(200, "["
                + OpenMeteoAnswers.location(48.85, 2.35, OpenMeteoAnswers.current(TIME, 8.5, 70)) + ","
                + OpenMeteoAnswers.location(41.9, 12.5, "{\"time\":\"" + TIME + "\",\"relative_humidity_2m\":50}") + ","
                + OpenMeteoAnswers.location(52.5, 13.4, OpenMeteoAnswers.current(TIME, 4.0, 140)) + ","
                + "{\"latitude\":40.4,\"longitude\":-3.7}" + ","
                + OpenMeteoAnswers.location(51.5, -0.1, OpenMeteoAnswers.current("yesterday", 9, 80)) + "]"));

        FetchResult result = source.fetch(specs("Paris", "Rome", "Berlin", "Madrid", "London"));

        assertThat(result.readings()).extracting(r -> r.city().name()).containsExactly("Paris");
        assertThat(result.failures().get(new City("Rome"))).contains("current.temperature_2m: missing");
        assertThat(result.failures().get(new City("Berlin"))).contains("humidity");
        assertThat(result.failures().get(new City("Madrid"))).contains("current: missing");
        assertThat(result.failures().get(new City("London"))).contains("current.time");
    }

    @Test
    void answerInOtherUnitsIsRefused() {
        api.on(FORECAST, request -> Response.json(200, OpenMeteoAnswers.forecast(request, TIME)
                .replace("\"wind_speed_10m\":\"m/s\"", "\"wind_speed_10m\":\"km/h\"")));

        FetchResult result = source.fetch(specs("Paris"));

        assertThat(result.failures().get(new City("Paris"))).contains("wind_speed_10m").contains("km/h");
    }

    @Test
    void errorObjectIsReportedWithItsReasonAndNotRetried() {
        api.on(FORECAST, request -> Response.json(400,
                OpenMeteoAnswers.error("Parameter 'current' is invalid. Invalid variable 'x'.")));

        FetchResult result = source.fetch(specs("Paris"));

        assertThat(result.failures().get(new City("Paris"))).contains("HTTP 400").contains("Invalid variable");
        assertThat(api.requests(FORECAST)).hasSize(1);
    }

    @Test
    void answerWithTooFewLocationsFailsThatRequestsCities() {
        api.on(FORECAST, request -> Response.json(200, "["
                + OpenMeteoAnswers.location(48.85, 2.35, OpenMeteoAnswers.current(TIME, 8.5, 70)) + "]"));

        FetchResult result = source.fetch(specs("Paris", "Rome"));

        assertThat(result.failures()).hasSize(2)
                .allSatisfy((city, reason) -> assertThat(reason).contains("answered 1 locations for 2"));
    }

    @Test
    void eachLocationCountsAsARequestAgainstTenThousandADay() {
        assertThat(source.requestsPerCycle(KnownCities.all().size())).isEqualTo(56);
        assertThat(OpenMeteoWeatherSource.httpRequestsPerCycle(KnownCities.all().size())).isEqualTo(1);
        assertThat(source.freeTiers()).containsExactly(new FreeTier(10_000, Duration.ofDays(1)));
    }
}
