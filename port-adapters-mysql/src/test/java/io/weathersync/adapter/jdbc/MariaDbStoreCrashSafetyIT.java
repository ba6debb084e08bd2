package io.weathersync.adapter.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

/** The stores' crash safety on the MariaDB server (WS_TEST_MYSQL_URL). */
class MariaDbStoreCrashSafetyIT extends StoreCrashSafetyBehaviour {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.mariaDb();

    @Override
    TestDatabases databases() {
        return DATABASES;
    }

    @Override
    String lockWaitsLongerThan(Duration bound) {
        String url = DATABASES.freshUrl();
        return url + (url.contains("?") ? "&" : "?") + "sessionVariables=innodb_lock_wait_timeout="
                + bound.multipliedBy(30).toSeconds();
    }
}
