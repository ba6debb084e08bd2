package io.weathersync.adapter.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The relational NodeRegistry's own behaviour on the MariaDB server (WS_TEST_MYSQL_URL). */
class MariaDbJdbiNodeRegistryBehaviourIT extends JdbiNodeRegistryBehaviour {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.mariaDb();

    @Override
    TestDatabases databases() {
        return DATABASES;
    }
}
