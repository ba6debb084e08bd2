package io.weathersync.application.service;

import io.weathersync.application.port.in.RequestSyncUseCase;
import io.weathersync.application.port.out.MasterClient;
import io.weathersync.application.port.out.SyncOutcome;
import io.weathersync.domain.model.ReadingRange;

import java.util.Optional;

/** A slave forwards its operator's sync request to the master, authenticated as itself. */
public final class RequestSyncService implements RequestSyncUseCase {

    private final MasterClient master;

    /** Forwards through {@code master}. */
    public RequestSyncService(MasterClient master) {
        this.master = master;
    }

    @Override
    public SyncOutcome requestSync(String slaveName, Optional<ReadingRange> repair) {
        return master.requestSync(slaveName, repair);
    }
}
