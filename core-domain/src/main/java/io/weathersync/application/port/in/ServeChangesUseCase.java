package io.weathersync.application.port.in;

import io.weathersync.domain.model.ChangePage;

/** The master's catch-up answer: a page of its compacted log. */
public interface ServeChangesUseCase {

    /** Largest page served. */
    int MAX_LIMIT = 5000;

    /**
     * Changes after {@code after}, at most {@code limit} (1…{@link #MAX_LIMIT}).
     *
     * @throws IllegalArgumentException for a negative {@code after} or a limit out of range
     */
    ChangePage changesAfter(long after, int limit);
}
