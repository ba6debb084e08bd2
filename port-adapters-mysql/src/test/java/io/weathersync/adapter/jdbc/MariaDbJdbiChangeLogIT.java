package io.weathersync.adapter.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The ChangeLog contract on the MariaDB server (WS_TEST_MYSQL_URL). */
class MariaDbJdbiChangeLogIT extends JdbiChangeLogContract {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.mariaDb();

    @Override
    TestDatabases databases() {
        return DATABASES;
    }
}
