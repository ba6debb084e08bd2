package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.NodeRegistry;
import io.weathersync.application.port.out.NodeRegistryContract;

/** The core's node-registry contract against {@link JdbiNodeRegistry}; subclasses choose the database. */
abstract class JdbiNodeRegistryContract extends NodeRegistryContract {

    abstract TestDatabases databases();

    @Override
    protected NodeRegistry createRegistry() {
        return new JdbiNodeRegistry(databases().fresh());
    }
}
