package io.weathersync.application.service;

import io.weathersync.application.port.in.ExportReplicaUseCase;
import io.weathersync.application.port.out.Replica;
import io.weathersync.domain.cluster.RegistryBackup;
import io.weathersync.domain.model.ChangePage;

/** Serves a slave's full export (its readings and its copy of the registry) for a master restore. */
public final class ReplicaExportService implements ExportReplicaUseCase {

    private final Replica replica;

    /** Exports {@code replica}. */
    public ReplicaExportService(Replica replica) {
        this.replica = replica;
    }

    @Override
    public ChangePage export(long after, int limit) {
        if (after < 0) {
            throw new IllegalArgumentException("after: must not be negative, was " + after);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return replica.export(after, limit);
    }

    @Override
    public RegistryBackup registry() {
        return replica.registry();
    }
}
