package io.weathersync.application.port.out;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ReadingCount;
import io.weathersync.domain.model.WeatherReading;

import java.util.List;

/**
 * Seed 003's per-source counters: the master counts every reading it ingests by source and city (and what
 * became a change), so operators see what each source delivers; with a shared store several processes add up to
 * one count.
 */
public interface ReadingCounts {

    /**
     * Counts one stored batch.
     *
     * @param ingested the valid readings stored or found unchanged
     * @param changes  those that were changes (new or corrected)
     */
    void count(List<WeatherReading> ingested, List<Change> changes);

    /** The readings ingested so far by source and city, sorted by source then city. */
    List<ReadingCount> counts();
}
