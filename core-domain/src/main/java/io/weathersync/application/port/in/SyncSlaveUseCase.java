package io.weathersync.application.port.in;

import io.weathersync.application.port.out.SyncOutcome;
import io.weathersync.domain.model.ReadingRange;

import java.util.Optional;

/** The master pushes a slave what it lacks and, for a range, re-sends those readings for repair. */
public interface SyncSlaveUseCase {

    /**
     * Pushes to the slave named {@code slaveName}.
     *
     * @throws java.util.NoSuchElementException when there is no such slave
     * @throws IllegalStateException when it is disabled or has no api_url
     * @throws io.weathersync.application.port.out.PushFailedException when it cannot be reached
     */
    SyncOutcome sync(String slaveName, Optional<ReadingRange> repair);
}
