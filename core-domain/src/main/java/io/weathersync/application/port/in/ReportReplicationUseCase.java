package io.weathersync.application.port.in;

import java.time.Instant;
import java.util.Optional;

/** What a slave's replication has done: when it last completed a sync, and its counts since start. */
public interface ReportReplicationUseCase {

    /** When this replica last completed a sync (a live apply or a catch-up), if ever since start. */
    Optional<Instant> lastSync();

    /** A snapshot of the counts since start. */
    ReplicationStats stats();
}
