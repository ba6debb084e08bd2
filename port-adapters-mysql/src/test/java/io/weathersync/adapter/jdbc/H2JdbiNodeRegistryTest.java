package io.weathersync.adapter.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The NodeRegistry contract on embedded H2 files. */
class H2JdbiNodeRegistryTest extends JdbiNodeRegistryContract {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.h2();

    @Override
    TestDatabases databases() {
        return DATABASES;
    }
}
