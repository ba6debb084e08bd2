package io.weathersync.application.port.in;

import io.weathersync.application.port.out.SyncOutcome;
import io.weathersync.domain.model.ReadingRange;

import java.util.Optional;

/** A slave's operator asks the master to push this slave what it lacks (and to re-send a range). */
public interface RequestSyncUseCase {

    /**
     * Forwards the request to the master with this slave's credentials.
     *
     * @throws io.weathersync.application.port.out.MasterUnavailableException when the master cannot be reached
     */
    SyncOutcome requestSync(String slaveName, Optional<ReadingRange> repair);
}
