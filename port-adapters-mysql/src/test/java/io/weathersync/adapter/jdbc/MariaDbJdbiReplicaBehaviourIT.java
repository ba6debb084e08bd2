package io.weathersync.adapter.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The relational Replica's own behaviour on the MariaDB server (WS_TEST_MYSQL_URL). */
class MariaDbJdbiReplicaBehaviourIT extends JdbiReplicaBehaviour {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.mariaDb();

    @Override
    TestDatabases databases() {
        return DATABASES;
    }
}
