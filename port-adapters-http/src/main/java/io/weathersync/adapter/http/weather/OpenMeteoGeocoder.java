package io.weathersync.adapter.http.weather;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.application.port.out.GeocodedCities;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Coordinates;
import io.weathersync.domain.model.GeocodingAnswer;
import io.weathersync.domain.model.GeocodingAnswer.Found;
import io.weathersync.domain.model.GeocodingAnswer.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a city's coordinates with Open-Meteo's geocoding API ({@code /v1/search?name=…&count=1}), once per
 * name: every answer, a place or no match, is remembered in {@link GeocodedCities}. A name that matched nothing
 * is asked again once its answer is {@link #NO_MATCH_RETRY_AFTER} old, since the API's data grows.
 */
final class OpenMeteoGeocoder {

    /** How long a name that matched nothing is not asked again: a typo costs one lookup a day. */
    static final Duration NO_MATCH_RETRY_AFTER = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(OpenMeteoGeocoder.class);

    private final String baseUrl;
    private final RetryingHttp http;
    private final GeocodedCities store;
    private final Clock clock;
    // The store is read once per name and process, not once per name and poll cycle.
    private final Map<City, GeocodingAnswer> answers = new ConcurrentHashMap<>();

    OpenMeteoGeocoder(String baseUrl, RetryingHttp http, GeocodedCities store, Clock clock) {
        this.baseUrl = baseUrl;
        this.http = http;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Where {@code city} is.
     *
     * @throws CallFailed when the name matched nothing (lately), or the lookup or the store failed (then it is
     *                    tried again next time)
     */
    Coordinates locate(City city) {
        Optional<Coordinates> known = KnownCities.find(city);
        if (known.isPresent()) {
            return known.get();
        }
        GeocodingAnswer answer = answers.get(city);
        if (answer == null) {
            answer = remembered(city);
        }
        if (answer == null || isStale(answer)) {
            answer = lookUp(city);
            answers.put(city, answer);
            remember(city, answer);
        }
        return switch (answer) {
            case Found found -> found.coordinates();
            case NotFound notFound -> throw new CallFailed("unknown city '" + city + "': no geocoding match");
        };
    }

    private boolean isStale(GeocodingAnswer answer) {
        return answer instanceof NotFound miss && !clock.instant().isBefore(miss.at().plus(NO_MATCH_RETRY_AFTER));
    }

    private GeocodingAnswer remembered(City city) {
        Optional<GeocodingAnswer> stored;
        try {
            stored = store.find(city);
        } catch (RuntimeException e) {
            // Not asking the API instead: a store that is down for every city would spend the free tier.
            LOG.warn("cannot read the geocoding answer for '{}' from the store", city, e);
            throw new CallFailed("geocoding '" + city + "': the store of geocoded cities failed ("
                    + e.getClass().getSimpleName() + ")");
        }
        stored.ifPresent(answer -> answers.put(city, answer));
        return stored.orElse(null);
    }

    private void remember(City city, GeocodingAnswer answer) {
        try {
            store.remember(city, answer);
        } catch (RuntimeException e) {
            LOG.warn("cannot store the geocoding answer for '{}'; it is kept until restart", city, e);
        }
    }

    private GeocodingAnswer lookUp(City city) {
        String what = "geocoding '" + city + "'";
        String name = URLEncoder.encode(city.name(), StandardCharsets.UTF_8).replace("+", "%20");
        JsonNode root = AnswerFields.parse(http.get(URI.create(baseUrl + "/v1/search?name=" + name
                + "&count=1&language=en&format=json"), what), what);
        JsonNode results = root.get("results");
        if (results == null || !results.isArray() || results.isEmpty()) {
            LOG.warn("city '{}' is unknown to the geocoding API; it is asked again after {}", city,
                    NO_MATCH_RETRY_AFTER);
            return new NotFound(clock.instant());
        }
        JsonNode first = results.get(0);
        Coordinates at;
        try {
            at = new Coordinates(AnswerFields.number(first, "latitude", what + ": results[0].latitude"),
                    AnswerFields.number(first, "longitude", what + ": results[0].longitude"));
        } catch (IllegalArgumentException e) {
            throw new CallFailed(what + ": " + e.getMessage());
        }
        LOG.info("geocoded '{}' as {} at {},{}", city, first.path("name").asText("?"), at.latitude(), at.longitude());
        return new Found(at, clock.instant());
    }
}
