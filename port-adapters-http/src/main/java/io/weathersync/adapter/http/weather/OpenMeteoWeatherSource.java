package io.weathersync.adapter.http.weather;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.adapter.http.client.HttpCalls;
import io.weathersync.application.port.out.FetchResult;
import io.weathersync.domain.model.FreeTier;
import io.weathersync.application.port.out.GeocodedCities;
import io.weathersync.application.port.out.WeatherSource;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.CitySpec;
import io.weathersync.domain.model.Coordinates;
import io.weathersync.domain.model.WeatherReading;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Current weather from Open-Meteo ({@code /v1/forecast}, no key): many cities per request, metric units, wind
 * in m/s, times in UTC. Cities without coordinates are looked up in {@link KnownCities}, then in the
 * {@link GeocodedCities} store, then with Open-Meteo's geocoding API. One failing city never fails the others.
 */
public final class OpenMeteoWeatherSource implements WeatherSource, AutoCloseable {

    /** The public forecast API. */
    public static final String DEFAULT_URL = "https://api.open-meteo.com";
    /** The public geocoding API. */
    public static final String DEFAULT_GEOCODING_URL = "https://geocoding-api.open-meteo.com";
    /**
     * Locations per request. The API takes up to 1,000, but 100 keeps the URL near 3 KB (well under the
     * 8 KB many proxies allow) and limits what one failed request costs; 10,000 cities are 100 requests.
     */
    public static final int CHUNK_SIZE = 100;
    /** Open-Meteo's free (non-commercial) allowance. */
    public static final FreeTier FREE_TIER = new FreeTier(10_000, Duration.ofDays(1));
    static final String NAME = "open-meteo";


    private final String baseUrl;
    private final RetryingHttp http;
    private final OpenMeteoGeocoder geocoder;

    /** A source on the public APIs, with default timeouts and retries. */
    public OpenMeteoWeatherSource(GeocodedCities geocoded) {
        this(DEFAULT_URL, DEFAULT_GEOCODING_URL, geocoded, HttpSettings.defaults(), Sleeper.REAL, Clock.systemUTC());
    }

    /**
     * A source on the given base URLs (e.g. {@code http://127.0.0.1:8099}, without a path).
     *
     * @param baseUrl          where {@code /v1/forecast} lives
     * @param geocodingBaseUrl where {@code /v1/search} lives
     * @param geocoded         where the answers of geocoding lookups are remembered
     * @param settings         timeouts and retries
     * @param sleeper          how to wait between attempts
     * @param clock            for {@code Retry-After} dates, rate-limit windows and geocoding answers
     */
    public OpenMeteoWeatherSource(String baseUrl, String geocodingBaseUrl, GeocodedCities geocoded,
                                  HttpSettings settings, Sleeper sleeper, Clock clock) {
        this.baseUrl = HttpCalls.baseUrl("OPEN_METEO_URL", baseUrl);
        this.http = new RetryingHttp(settings, sleeper, clock);
        this.geocoder = new OpenMeteoGeocoder(HttpCalls.baseUrl("geocoding URL", geocodingBaseUrl), http,
                Objects.requireNonNull(geocoded, "geocoded: must not be null"), clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FetchResult fetch(List<CitySpec> cities) {
        Map<City, String> failures = new LinkedHashMap<>();
        Map<City, Coordinates> located = new LinkedHashMap<>();
        for (CitySpec spec : cities) {
            if (located.containsKey(spec.city()) || failures.containsKey(spec.city())) {
                continue;
            }
            try {
                located.put(spec.city(), spec.location().orElseGet(() -> geocoder.locate(spec.city())));
            } catch (CallFailed e) {
                failures.put(spec.city(), e.getMessage());
            }
        }
        List<WeatherReading> readings = new ArrayList<>();
        List<Map.Entry<City, Coordinates>> all = List.copyOf(located.entrySet());
        for (int from = 0; from < all.size(); from += CHUNK_SIZE) {
            fetchChunk(all.subList(from, Math.min(all.size(), from + CHUNK_SIZE)), readings, failures);
        }
        return new FetchResult(readings, failures);
    }

    private void fetchChunk(List<Map.Entry<City, Coordinates>> chunk, List<WeatherReading> readings,
                            Map<City, String> failures) {
        // Not the chunk's size: every chunk failing alike is one cause, told once with its count of cities.
        String what = "Open-Meteo forecast";
        List<JsonNode> locations;
        try {
            locations = OpenMeteoReadings.locations(http.get(forecastUri(chunk), what), chunk.size(), what);
        } catch (CallFailed e) {
            chunk.forEach(entry -> failures.put(entry.getKey(), AnswerFields.refusal(e, "reason")));
            return;
        }
        for (int i = 0; i < chunk.size(); i++) {
            City city = chunk.get(i).getKey();
            try {
                readings.add(OpenMeteoReadings.reading(city, locations.get(i), NAME));
            } catch (CallFailed | IllegalArgumentException e) {
                failures.put(city, "Open-Meteo answer for this city: " + e.getMessage());
            }
        }
    }

    private URI forecastUri(List<Map.Entry<City, Coordinates>> chunk) {
        String latitudes = chunk.stream().map(e -> degrees(e.getValue().latitude())).collect(Collectors.joining(","));
        String longitudes = chunk.stream().map(e -> degrees(e.getValue().longitude())).collect(Collectors.joining(","));
        return URI.create(baseUrl + "/v1/forecast?latitude=" + latitudes + "&longitude=" + longitudes
                + "&current=" + OpenMeteoReadings.CURRENT
                + "&temperature_unit=celsius&wind_speed_unit=ms&precipitation_unit=mm"
                + "&timezone=GMT&timeformat=iso8601");
    }

    private static String degrees(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /**
     * What one cycle costs as Open-Meteo counts it: each location of a multi-location request counts as one
     * call (fewer than 10 variables, current values only), however few HTTP requests carry them.
     */
    @Override
    public int requestsPerCycle(int cityCount) {
        return cityCount;
    }

    /** HTTP requests per cycle: one per {@link #CHUNK_SIZE} cities. */
    public static int httpRequestsPerCycle(int cityCount) {
        return (cityCount + CHUNK_SIZE - 1) / CHUNK_SIZE;
    }

    @Override
    public List<FreeTier> freeTiers() {
        return List.of(FREE_TIER);
    }

    @Override
    public void close() {
        http.close();
    }
}
