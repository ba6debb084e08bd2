package io.weathersync.adapter.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The GeocodedCities contract on the MariaDB server (WS_TEST_MYSQL_URL). */
class MariaDbJdbiGeocodedCitiesIT extends JdbiGeocodedCitiesContract {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.mariaDb();

    @Override
    TestDatabases databases() {
        return DATABASES;
    }
}
