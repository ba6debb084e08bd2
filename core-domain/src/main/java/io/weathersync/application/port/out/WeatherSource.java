package io.weathersync.application.port.out;

import io.weathersync.domain.model.CitySpec;
import io.weathersync.domain.model.FreeTier;

import java.util.List;

/** Where the master gets current weather from (a weather API, or the labelled simulation). */
public interface WeatherSource {

    /** The source's name as stored with each reading, e.g. {@code open-meteo}. */
    String name();

    /**
     * The current reading of each city. A city that fails (unknown name, bad answer) is reported in the
     * result and never fails the others.
     */
    FetchResult fetch(List<CitySpec> cities);

    /** How many requests one cycle over {@code cityCount} cities costs. */
    int requestsPerCycle(int cityCount);

    /** Every allowance of the source's free plan (e.g. per minute and per month); none when it has no limit. */
    List<FreeTier> freeTiers();
}
