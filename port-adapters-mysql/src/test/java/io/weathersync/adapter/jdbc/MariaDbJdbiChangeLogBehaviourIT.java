package io.weathersync.adapter.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The relational ChangeLog's own behaviour on the MariaDB server (WS_TEST_MYSQL_URL). */
class MariaDbJdbiChangeLogBehaviourIT extends JdbiChangeLogBehaviour {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.mariaDb();

    @Override
    TestDatabases databases() {
        return DATABASES;
    }
}
