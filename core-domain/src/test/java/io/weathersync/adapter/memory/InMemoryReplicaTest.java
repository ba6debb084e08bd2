package io.weathersync.adapter.memory;

import io.weathersync.application.port.out.Replica;
import io.weathersync.application.port.out.ReplicaContract;

/** The replica contract against the in-memory reference adapter. */
class InMemoryReplicaTest extends ReplicaContract {

    @Override
    protected Replica createReplica() {
        return new InMemoryReplica();
    }
}
