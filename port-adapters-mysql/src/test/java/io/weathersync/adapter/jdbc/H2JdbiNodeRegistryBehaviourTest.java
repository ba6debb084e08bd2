package io.weathersync.adapter.jdbc;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The relational NodeRegistry's own behaviour on embedded H2 files. */
class H2JdbiNodeRegistryBehaviourTest extends JdbiNodeRegistryBehaviour {

    @RegisterExtension
    static final TestDatabases DATABASES = TestDatabases.h2();

    @Override
    TestDatabases databases() {
        return DATABASES;
    }
}
