package io.weathersync.adapter.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The Replica contract on the MariaDB server (WS_TEST_MYSQL_URL). */
class MariaDbJdbiReplicaIT extends JdbiReplicaContract {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.mariaDb();

    @Override
    TestDatabases databases() {
        return DATABASES;
    }
}
