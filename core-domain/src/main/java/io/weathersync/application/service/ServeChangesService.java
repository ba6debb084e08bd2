package io.weathersync.application.service;

import io.weathersync.application.port.in.ServeChangesUseCase;
import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.domain.model.ChangePage;

/** Answers a slave's catch-up pull from the master's compacted log. */
public final class ServeChangesService implements ServeChangesUseCase {

    private final ChangeLog log;

    /** Serves from {@code log}. */
    public ServeChangesService(ChangeLog log) {
        this.log = log;
    }

    @Override
    public ChangePage changesAfter(long after, int limit) {
        if (after < 0) {
            throw new IllegalArgumentException("after: must not be negative, was " + after);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit: must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return log.changesAfter(after, limit);
    }
}
