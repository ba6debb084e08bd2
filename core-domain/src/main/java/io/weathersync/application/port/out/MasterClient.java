package io.weathersync.application.port.out;

import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.model.ChangePage;

/** How a slave talks to its master, authenticated with its credentials. */
public interface MasterClient {

    /**
     * One page of the master's compacted log after {@code after}.
     *
     * @throws MasterUnavailableException when the master cannot be reached or refuses
     */
    ChangePage changesAfter(long after, int limit);

    /** Reports this slave's state; the answer carries the master's stream, head and public key. */
    HeartbeatReply heartbeat(Heartbeat heartbeat);

    /** Reports the outcome of a sync, for the master's sync log. */
    void reportResult(SyncLogEntry entry);
}
