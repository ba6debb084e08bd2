package io.weathersync.adapter.http.weather;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.adapter.http.client.HttpCalls;
import io.weathersync.application.port.out.FetchResult;
import io.weathersync.domain.model.FreeTier;
import io.weathersync.application.port.out.WeatherSource;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.CitySpec;
import io.weathersync.domain.model.Coordinates;
import io.weathersync.domain.model.WeatherReading;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Current weather from OpenWeatherMap ({@code /data/2.5/weather}, metric, API key): one request per city, by
 * coordinates when known (configured or {@link KnownCities}), else by name. One failing city never fails the
 * others; a refused key (401) fails the rest of the cycle without asking again.
 */
public final class OpenWeatherMapWeatherSource implements WeatherSource, AutoCloseable {

    /** The public API. */
    public static final String DEFAULT_URL = "https://api.openweathermap.org";
    /** The free plan's allowance: 60 calls a minute… */
    public static final FreeTier FREE_PER_MINUTE = new FreeTier(60, Duration.ofMinutes(1));
    /** And 1,000,000 a month (counted as 30 days): 56 cities polled every minute would need 2.4 million. */
    public static final FreeTier FREE_PER_MONTH = new FreeTier(1_000_000, Duration.ofDays(30));
    static final String NAME = "openweathermap";


    private final String baseUrl;
    private final String apiKey;
    private final RetryingHttp http;

    /** A source on the public API with default timeouts and retries. */
    public OpenWeatherMapWeatherSource(String apiKey) {
        this(DEFAULT_URL, apiKey, HttpSettings.defaults(), Sleeper.REAL, Clock.systemUTC());
    }

    /**
     * A source on {@code baseUrl} (where {@code /data/2.5/weather} lives).
     *
     * @param apiKey the key, from {@code OPENWEATHERMAP_API_KEY}; never logged
     * @throws IllegalArgumentException when the URL is not one or the key is blank
     */
    public OpenWeatherMapWeatherSource(String baseUrl, String apiKey, HttpSettings settings, Sleeper sleeper,
                                       Clock clock) {
        this.baseUrl = HttpCalls.baseUrl("OPENWEATHERMAP_URL", baseUrl);
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("OPENWEATHERMAP_API_KEY: required by the openweathermap source");
        }
        this.apiKey = URLEncoder.encode(apiKey.strip(), StandardCharsets.UTF_8);
        this.http = new RetryingHttp(settings, sleeper, clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FetchResult fetch(List<CitySpec> cities) {
        List<WeatherReading> readings = new ArrayList<>();
        Map<City, String> failures = new LinkedHashMap<>();
        Set<City> seen = new HashSet<>();
        String keyRefused = null;
        for (CitySpec spec : cities) {
            City city = spec.city();
            if (!seen.add(city)) {
                continue;
            }
            if (keyRefused != null) {
                failures.put(city, keyRefused);
                continue;
            }
            try {
                readings.add(fetchOne(spec));
            } catch (CallFailed e) {
                String reason = AnswerFields.refusal(e, "message"); // {"cod":"404","message":"city not found"}
                if (e.status() == 401) {
                    // One cause for every city, so the cycle reports it once with their count.
                    reason = reason + ": the key was refused, so no further city was asked";
                    keyRefused = reason;
                }
                failures.put(city, reason);
            } catch (IllegalArgumentException e) {
                failures.put(city, "OpenWeatherMap answer for this city: " + e.getMessage());
            }
        }
        return new FetchResult(readings, failures);
    }

    private WeatherReading fetchOne(CitySpec spec) {
        Optional<Coordinates> at = spec.location().or(() -> KnownCities.find(spec.city()));
        String where = at.map(c -> "lat=" + degrees(c.latitude()) + "&lon=" + degrees(c.longitude()))
                .orElseGet(() -> "q=" + URLEncoder.encode(spec.city().name(), StandardCharsets.UTF_8));
        String what = "OpenWeatherMap weather";
        byte[] body = http.get(URI.create(baseUrl + "/data/2.5/weather?" + where + "&units=metric&appid=" + apiKey),
                what);
        JsonNode root = AnswerFields.parse(body, what);
        try {
            return OpenWeatherMapReadings.reading(spec.city(), root, NAME);
        } catch (CallFailed e) {
            throw new CallFailed(what + ": " + e.getMessage());
        }
    }

    private static String degrees(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** One request per city. */
    @Override
    public int requestsPerCycle(int cityCount) {
        return cityCount;
    }

    @Override
    public List<FreeTier> freeTiers() {
        return List.of(FREE_PER_MINUTE, FREE_PER_MONTH);
    }

    @Override
    public void close() {
        http.close();
    }
}
