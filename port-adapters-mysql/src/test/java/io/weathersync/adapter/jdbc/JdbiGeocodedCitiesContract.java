package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.GeocodedCities;
import io.weathersync.application.port.out.GeocodedCitiesContract;

import java.util.IdentityHashMap;
import java.util.Map;

/** The core's geocoded-cities contract against {@link JdbiGeocodedCities}; subclasses choose the database. */
abstract class JdbiGeocodedCitiesContract extends GeocodedCitiesContract {

    private final Map<GeocodedCities, Database> databases = new IdentityHashMap<>();

    abstract TestDatabases databases();

    @Override
    protected GeocodedCities createCities() {
        return track(databases().fresh());
    }

    @Override
    protected GeocodedCities reopen(GeocodedCities cities) {
        return track(databases().reopen(databases.get(cities)));
    }

    private GeocodedCities track(Database database) {
        GeocodedCities cities = new JdbiGeocodedCities(database);
        databases.put(cities, database);
        return cities;
    }
}
