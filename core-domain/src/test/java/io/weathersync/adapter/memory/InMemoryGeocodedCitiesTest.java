package io.weathersync.adapter.memory;

import io.weathersync.application.port.out.GeocodedCities;
import io.weathersync.application.port.out.GeocodedCitiesContract;

/** The geocoded-cities contract against the in-memory reference adapter. */
class InMemoryGeocodedCitiesTest extends GeocodedCitiesContract {

    @Override
    protected GeocodedCities createCities() {
        return new InMemoryGeocodedCities();
    }
}
