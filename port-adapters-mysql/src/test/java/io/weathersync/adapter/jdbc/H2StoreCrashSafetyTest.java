package io.weathersync.adapter.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

/** The stores' crash safety on embedded H2 files. */
class H2StoreCrashSafetyTest extends StoreCrashSafetyBehaviour {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.h2();

    @Override
    TestDatabases databases() {
        return DATABASES;
    }

    @Override
    String lockWaitsLongerThan(Duration bound) {
        return DATABASES.freshUrl() + ";LOCK_TIMEOUT=" + bound.multipliedBy(30).toMillis();
    }
}
