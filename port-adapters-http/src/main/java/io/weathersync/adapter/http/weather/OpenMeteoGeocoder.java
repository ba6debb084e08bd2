package io.weathersync.adapter.http.weather;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Coordinates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a city's coordinates with Open-Meteo's geocoding API ({@code /v1/search?name=…&count=1}), once per
 * name: a found name is remembered in the {@link GeocodingCache}, an unknown one for the life of the process.
 */
final class OpenMeteoGeocoder {

    private static final Logger LOG = LoggerFactory.getLogger(OpenMeteoGeocoder.class);

    private final String baseUrl;
    private final RetryingHttp http;
    private final GeocodingCache cache;
    private final Set<City> unknown = ConcurrentHashMap.newKeySet();

    OpenMeteoGeocoder(String baseUrl, RetryingHttp http, GeocodingCache cache) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.cache = cache;
    }

    /**
     * Where {@code city} is.
     *
     * @throws CallFailed when the name is unknown or the lookup failed (then it is tried again next time)
     */
    Coordinates locate(City city) {
        Optional<Coordinates> known = KnownCities.find(city).or(() -> cache.find(city));
        if (known.isPresent()) {
            return known.get();
        }
        if (unknown.contains(city)) {
            throw new CallFailed("unknown city '" + city + "': no geocoding match");
        }
        String what = "geocoding '" + city + "'";
        String name = URLEncoder.encode(city.name(), StandardCharsets.UTF_8).replace("+", "%20");
        JsonNode root = JsonFields.parse(http.get(URI.create(baseUrl + "/v1/search?name=" + name
                + "&count=1&language=en&format=json"), what), what);
        JsonNode results = root.get("results");
        if (results == null || !results.isArray() || results.isEmpty()) {
            unknown.add(city);
            LOG.warn("city '{}' is unknown to the geocoding API; it is skipped until restart", city);
            throw new CallFailed("unknown city '" + city + "': no geocoding match");
        }
        JsonNode first = results.get(0);
        Coordinates at;
        try {
            at = new Coordinates(JsonFields.number(first, "latitude", what + ": results[0].latitude"),
                    JsonFields.number(first, "longitude", what + ": results[0].longitude"));
        } catch (IllegalArgumentException e) {
            throw new CallFailed(what + ": " + e.getMessage());
        }
        cache.remember(city, at);
        LOG.info("geocoded '{}' as {} at {},{}", city, first.path("name").asText("?"), at.latitude(), at.longitude());
        return at;
    }
}
