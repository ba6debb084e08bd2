package io.weathersync.adapter.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The relational ChangeLog's own behaviour on embedded H2 files. */
class H2JdbiChangeLogBehaviourTest extends JdbiChangeLogBehaviour {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.h2();

    @Override
    TestDatabases databases() {
        return DATABASES;
    }
}
