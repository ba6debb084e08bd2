package io.weathersync.application.port.in;

import io.weathersync.domain.model.City;

import java.time.Duration;
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
}
