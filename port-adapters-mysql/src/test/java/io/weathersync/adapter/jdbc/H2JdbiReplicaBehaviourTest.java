package io.weathersync.adapter.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The relational Replica's own behaviour on embedded H2 files. */
class H2JdbiReplicaBehaviourTest extends JdbiReplicaBehaviour {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.h2();

    @Override
    TestDatabases databases() {
        return DATABASES;
    }
}
