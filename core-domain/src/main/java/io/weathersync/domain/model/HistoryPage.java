package io.weathersync.domain.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One page of a city's history, oldest first.
 *
 * @param readings the readings of this page
 * @param next     the cursor for the next page (the last observation time returned), empty when done
 */
public record HistoryPage(List<WeatherReading> readings, Optional<Instant> next) {

    /** Copies the list. */
    public HistoryPage {
        readings = List.copyOf(readings);
    }
}
