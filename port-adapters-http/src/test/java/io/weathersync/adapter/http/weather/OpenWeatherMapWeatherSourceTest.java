package io.weathersync.adapter.http.weather;

import io.weathersync.adapter.http.client.FakeHttpServer;
import io.weathersync.adapter.http.client.FakeHttpServer.Request;
import io.weathersync.adapter.http.client.FakeHttpServer.Response;
import io.weathersync.application.port.out.FetchResult;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.CitySpec;
import io.weathersync.domain.model.FreeTier;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenWeatherMapWeatherSourceTest {

    private static final String WEATHER = "/data/2.5/weather";
    private static final String KEY = "k3y-0f-the-test-account";

    private final FakeHttpServer api = FakeHttpServer.start();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:05:00Z"));
    private OpenWeatherMapWeatherSource source = source(new HttpSettings(Duration.ofSeconds(2),
            Duration.ofSeconds(2), 3, Duration.ofMillis(100), Duration.ofSeconds(10)));

    private OpenWeatherMapWeatherSource source(HttpSettings settings) {
        return new OpenWeatherMapWeatherSource(api.baseUrl(), KEY, settings, sleeper, clock);
    }

    @AfterEach
    void stop() {
        source.close();
        api.close();
    }

    private static List<CitySpec> specs(String... entries) {
        return Arrays.stream(entries).map(CitySpec::parse).toList();
    }

    /** Answers by the name asked for, or "Somewhere" when asked by coordinates. */
    private static Response byCity(Request request) {
        String name = request.params().getOrDefault("q", "Somewhere");
        return name.equals("Atlantisxyz") ? Response.json(404, OpenWeatherMapAnswers.cityNotFound())
                : Response.json(200, OpenWeatherMapAnswers.weather(name, 12.34, 81));
    }

    @Test
    void documentedAnswerBecomesAReadingObservedAtDt() {
        api.on(WEATHER, OpenWeatherMapWeatherSourceTest::byCity);

        FetchResult result = source.fetch(specs("Zocca@44.34,10.99", "Gotham"));

        assertThat(result.failures()).isEmpty();
        WeatherReading zocca = result.readings().getFirst();
        assertThat(zocca.city().name()).isEqualTo("Zocca");
        assertThat(zocca.observedAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(zocca.temperature()).isEqualTo(12.34);
        assertThat(zocca.humidity()).isEqualTo(81.0);
        assertThat(zocca.pressure()).isEqualTo(1015.0);
        assertThat(zocca.windSpeed()).isEqualTo(0.62);
        assertThat(zocca.windDirection()).isEqualTo(349.0);
        assertThat(zocca.precipitation()).isEqualTo(3.16);
        assertThat(zocca.weatherCode()).isEqualTo(501);
        assertThat(zocca.source()).isEqualTo("openweathermap");
        assertThat(api.requests().get(0).params()).containsEntry("lat", "44.3400").containsEntry("lon", "10.9900")
                .containsEntry("units", "metric").containsEntry("appid", KEY);
        assertThat(api.requests().get(1).params()).containsEntry("q", "Gotham").doesNotContainKey("lat");
    }

    @Test
    void knownCityIsAskedByItsCoordinates() {
        api.on(WEATHER, OpenWeatherMapWeatherSourceTest::byCity);

        source.fetch(specs("北京"));

        assertThat(api.requests().getFirst().params()).containsEntry("lat", "39.9042").doesNotContainKey("q");
    }

    @Test
    void answerWithoutRainHasNoPrecipitation() {
        api.on(WEATHER, request -> Response.json(200, OpenWeatherMapAnswers.weather("Oslo", 1, 60)
                .replace(",\"rain\":{\"1h\":3.16}", "")));

        assertThat(source.fetch(specs("Oslo")).readings().getFirst().precipitation()).isNull();
    }

    @Test
    void unknownCityIsReportedAndSkippedWhileTheOthersSucceed() {
        api.on(WEATHER, OpenWeatherMapWeatherSourceTest::byCity);

        FetchResult result = source.fetch(specs("Gotham", "Atlantisxyz", "Metropolis"));

        assertThat(result.readings()).extracting(r -> r.city().name()).containsExactly("Gotham", "Metropolis");
        assertThat(result.failures().get(new City("Atlantisxyz"))).contains("HTTP 404").contains("city not found");
        assertThat(api.requests()).as("a 404 is not retried").hasSize(3);
    }

    @Test
    void refusedKeyFailsTheCycleWithoutAskingForEachCityOrShowingTheKey() {
        api.on(WEATHER, request -> Response.json(401, OpenWeatherMapAnswers.invalidKey()));

        FetchResult result = source.fetch(specs("Gotham", "Metropolis", "Smallville"));

        assertThat(api.requests()).hasSize(1);
        assertThat(result.failures()).hasSize(3)
                .allSatisfy((city, reason) -> assertThat(reason).contains("Invalid API key").doesNotContain(KEY));
        assertThat(java.util.Set.copyOf(result.failures().values())).as("one cause, told once").hasSize(1);
    }

    @Test
    void rateLimitIsWaitedOutAsRetryAfterAsks() {
        AtomicInteger calls = new AtomicInteger();
        api.on(WEATHER, request -> calls.incrementAndGet() == 1
                ? Response.json(429, OpenWeatherMapAnswers.tooManyRequests()).withHeader("Retry-After", "5")
                : byCity(request));

        FetchResult result = source.fetch(specs("Gotham"));

        assertThat(result.readings()).hasSize(1);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(5));
    }

    @Test
    void serverErrorIsRetriedThenReportedForThatCityOnly() {
        api.on(WEATHER, request -> "Gotham".equals(request.params().get("q"))
                ? Response.json(500, "{\"cod\":500,\"message\":\"Internal error\"}")
                : byCity(request));

        FetchResult result = source.fetch(specs("Gotham", "Metropolis"));

        assertThat(result.readings()).extracting(r -> r.city().name()).containsExactly("Metropolis");
        assertThat(result.failures().get(new City("Gotham"))).contains("HTTP 500 after 3 attempt(s)");
        assertThat(sleeper.waits).hasSize(2);
    }

    @Test
    void serverTooSlowToAnswerHitsTheRequestTimeout() {
        source.close();
        source = source(new HttpSettings(Duration.ofSeconds(1), Duration.ofMillis(300), 1, Duration.ofMillis(10),
                Duration.ofMillis(20)));
        api.on(WEATHER, request -> byCity(request).after(Duration.ofSeconds(20)));
        long started = System.nanoTime();

        FetchResult result = source.fetch(specs("Gotham"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(result.failures().get(new City("Gotham"))).contains("no answer within 300 ms");
    }

    @Test
    void malformedOrIncompleteAnswerFailsOnlyThatCity() {
        api.on(WEATHER, request -> switch (request.params().get("q")) {
            case "Gotham" -> Response.json(200, "{\"coord\":{\"lon\":10.99,");
            case "Metropolis" -> Response.json(200, OpenWeatherMapAnswers.weather("Metropolis", 5, 50)
                    .replace("\"temp\":5.00,", ""));
            case "Smallville" -> Response.json(200, OpenWeatherMapAnswers.weather("Smallville", 5, 50)
                    .replace("\"dt\":" + OpenWeatherMapAnswers.DT + ",", ""));
            default -> byCity(request);
        });

        FetchResult result = source.fetch(specs("Gotham", "Metropolis", "Smallville", "Springfield"));

        assertThat(result.readings()).extracting(r -> r.city().name()).containsExactly("Springfield");
        assertThat(result.failures().get(new City("Gotham"))).contains("malformed JSON");
        assertThat(result.failures().get(new City("Metropolis"))).contains("main.temp: missing");
        assertThat(result.failures().get(new City("Smallville"))).contains("dt: missing");
    }

    @Test
    void missingKeyIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> new OpenWeatherMapWeatherSource(api.baseUrl(), " ", HttpSettings.defaults(),
                sleeper, clock)).hasMessageContaining("OPENWEATHERMAP_API_KEY");
        assertThatThrownBy(() -> new OpenWeatherMapWeatherSource("ftp://x", KEY, HttpSettings.defaults(),
                sleeper, clock)).hasMessageContaining("OPENWEATHERMAP_URL");
    }

    @Test
    void eachCityIsOneRequestAgainstSixtyAMinuteAndAMillionAMonth() {
        assertThat(source.requestsPerCycle(56)).isEqualTo(56);
        assertThat(source.freeTiers()).containsExactly(new FreeTier(60, Duration.ofMinutes(1)),
                new FreeTier(1_000_000, Duration.ofDays(30)));
    }
}
