package io.weathersync.adapter.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The GeocodedCities contract on embedded H2 files. */
class H2JdbiGeocodedCitiesTest extends JdbiGeocodedCitiesContract {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.h2();

    @Override
    TestDatabases databases() {
        return DATABASES;
    }
}
