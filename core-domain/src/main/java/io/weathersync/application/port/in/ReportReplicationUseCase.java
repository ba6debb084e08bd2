package io.weathersync.application.port.in;

import java.time.Instant;
import java.util.Optional;

/** What a slave's replication has done: when it last completed a sync, and its counts since start. */
public interface ReportReplicationUseCase {

    /** When this replica last completed a sync (a live apply or a catch-up), if ever since start. */
    Optional<Instant> lastSync();

    /**
     * Why this replica follows the master no more though the master answers: it holds readings the master's new
     * stream lacks ({@code diverged: …}, naming the way out); empty while it follows.
     */
    Optional<String> divergence();

    /** A snapshot of the counts since start. */
    ReplicationStats stats();
}
