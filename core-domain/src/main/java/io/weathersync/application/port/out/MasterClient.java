package io.weathersync.application.port.out;

import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.RegistryBackup;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.ReadingRange;

import java.util.Optional;

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

    /**
     * Asks the master to push to this slave what it lacks and, for a range, to re-send it
     * (seed 001's {@code POST /api/dms/slaves/{slave_name}/sync}).
     */
    SyncOutcome requestSync(String slaveName, Optional<ReadingRange> repair);

    /**
     * The master's node registry with credential hashes, for the copy a slave keeps against the master's loss.
     * A client that cannot fetch it (e.g. a test double) says so as unavailable.
     *
     * @throws MasterUnavailableException when the master cannot be reached or refuses
     */
    default RegistryBackup registry() {
        throw new MasterUnavailableException("this master client does not fetch the registry");
    }
}
