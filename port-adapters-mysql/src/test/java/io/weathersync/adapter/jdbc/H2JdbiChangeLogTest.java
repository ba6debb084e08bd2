package io.weathersync.adapter.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The ChangeLog contract on embedded H2 files. */
class H2JdbiChangeLogTest extends JdbiChangeLogContract {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.h2();

    @Override
    TestDatabases databases() {
        return DATABASES;
    }
}
