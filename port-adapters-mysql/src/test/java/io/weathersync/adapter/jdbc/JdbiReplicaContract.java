package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.Replica;
import io.weathersync.application.port.out.ReplicaContract;

import java.util.IdentityHashMap;
import java.util.Map;

/** The core's replica contract against {@link JdbiReplica}; subclasses choose the database. */
abstract class JdbiReplicaContract extends ReplicaContract {

    private final Map<Replica, Database> databases = new IdentityHashMap<>();

    abstract TestDatabases databases();

    @Override
    protected Replica createReplica() {
        return track(databases().fresh());
    }

    @Override
    protected Replica reopen(Replica replica) {
        return track(databases().reopen(databases.get(replica)));
    }

    private Replica track(Database database) {
        Replica replica = new JdbiReplica(database);
        databases.put(replica, database);
        return replica;
    }
}
