package io.weathersync.application.port.in;

import io.weathersync.domain.model.City;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one poll cycle did.
 *
 * @param fetched  readings the source returned
 * @param result   what storing them did
 * @param failures city → why it produced nothing (fetch failure or invalid reading)
 * @param took     how long the cycle took
 */
public record CollectionReport(int fetched, PublishResult result, Map<City, String> failures, Duration took) {

    /** Copies the failures. */
    public CollectionReport {
        failures = Map.copyOf(failures);
    }

    /**
     * The failures grouped by their cause, the cause of most cities first (ties by cause), each with its cities
     * by name: a source that is down gives one cause for all its cities, told once.
     */
    public List<Cause> causes() {
        Map<String, List<City>> byCause = new LinkedHashMap<>();
        failures.forEach((city, cause) -> byCause.computeIfAbsent(cause, c -> new ArrayList<>()).add(city));
        return byCause.entrySet().stream()
                .map(e -> new Cause(e.getKey(), e.getValue().stream().sorted(Comparator.comparing(City::name)).toList()))
                .sorted(Comparator.comparing((Cause c) -> -c.cities().size()).thenComparing(Cause::cause))
                .toList();
    }

    /**
     * One reason some cities produced nothing.
     *
     * @param cause  the reason, as the source gave it
     * @param cities the cities it concerns, by name
     */
    public record Cause(String cause, List<City> cities) {

        /** Copies the cities. */
        public Cause {
            cities = List.copyOf(cities);
        }
    }
}
