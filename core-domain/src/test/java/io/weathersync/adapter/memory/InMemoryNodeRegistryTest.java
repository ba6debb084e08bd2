package io.weathersync.adapter.memory;

import io.weathersync.application.port.out.NodeRegistry;
import io.weathersync.application.port.out.NodeRegistryContract;

/** The node registry contract against the in-memory reference adapter. */
class InMemoryNodeRegistryTest extends NodeRegistryContract {

    @Override
    protected NodeRegistry createRegistry() {
        return new InMemoryNodeRegistry();
    }
}
