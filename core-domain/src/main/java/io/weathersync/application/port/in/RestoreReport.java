package io.weathersync.application.port.in;

import io.weathersync.domain.model.StreamId;

import java.util.List;

/**
 * What a master restore did.
 *
 * @param from     the slave restored from
 * @param stream   the restored stream
 * @param head     the restored head
 * @param readings readings written
 * @param nodes    registry nodes written
 * @param skipped  the slaves not used, each with why (unreachable, refused, less advanced)
 */
public record RestoreReport(String from, StreamId stream, long head, long readings, int nodes, List<String> skipped) {

    /** Copies the list. */
    public RestoreReport {
        skipped = List.copyOf(skipped);
    }
}
