package io.weathersync.application.port.in;

import io.weathersync.domain.cluster.RegistryBackup;
import io.weathersync.domain.model.ChangePage;

/** A slave's full export for a master restore: its readings page by page, and its copy of the registry. */
public interface ExportReplicaUseCase {

    /** The largest page served. */
    int MAX_LIMIT = 5000;

    /**
     * The served readings whose seq is after {@code after}, by seq, at most {@code limit}; the head is the applied
     * seq.
     *
     * @throws IllegalArgumentException for a negative {@code after} or a limit outside 1…{@value #MAX_LIMIT}
     */
    ChangePage export(long after, int limit);

    /** The copy of the master's node registry this slave keeps. */
    RegistryBackup registry();
}
