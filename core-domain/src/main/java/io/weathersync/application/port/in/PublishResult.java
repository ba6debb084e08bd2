package io.weathersync.application.port.in;

import io.weathersync.domain.model.Change;

import java.util.List;

/**
 * The outcome of storing a batch.
 *
 * @param accepted how many readings were valid and stored or found unchanged
 * @param changes  how many were changes (new or corrected)
 * @param firstSeq the first change's seq, 0 when none
 * @param lastSeq  the last change's seq, 0 when none
 */
public record PublishResult(int accepted, int changes, long firstSeq, long lastSeq) {

    /** The result of storing {@code accepted} readings that produced {@code changes}. */
    public static PublishResult of(int accepted, List<Change> changes) {
        return changes.isEmpty()
                ? new PublishResult(accepted, 0, 0, 0)
                : new PublishResult(accepted, changes.size(), changes.getFirst().seq(), changes.getLast().seq());
    }
}
