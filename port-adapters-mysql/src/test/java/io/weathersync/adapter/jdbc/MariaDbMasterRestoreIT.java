package io.weathersync.adapter.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** A master restored from a slave, both on the MariaDB server (WS_TEST_MYSQL_URL). */
class MariaDbMasterRestoreIT extends MasterRestoreBehaviour {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.mariaDb();

    @Override
    TestDatabases databases() {
        return DATABASES;
    }
}
