package io.weathersync.application.port.out;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.ReadingRange;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;

import java.util.List;

/**
 * The master's durable store: its readings and the compacted change log over them. Each stored reading
 * carries the seq of its last change, so "changes after N" is "readings whose seq > N, by seq".
 */
public interface ChangeLog extends WeatherReadings {

    /** The log's identity, created once when the store was first initialised. */
    StreamId stream();

    /** The newest seq, 0 for an empty log. */
    long head();

    /**
     * Stores a batch in one transaction: dedup against what is stored, give each change the next seq
     * without holes (see {@code ChangePlanner}), upsert, advance the head.
     *
     * @return the changes, in seq order (empty when nothing changed)
     */
    List<Change> append(List<WeatherReading> readings);

    /**
     * At most {@code limit} changes with seq > {@code after}, by seq, and the seq the page is complete through.
     *
     * @param after the seq the caller holds, ≥ 0
     * @param limit page size, ≥ 1
     */
    ChangePage changesAfter(long after, int limit);

    /**
     * Like {@link #changesAfter}, but only the readings in {@code range}: the current change of each, by seq,
     * so a slave can be re-sent a city or a period for repair.
     */
    ChangePage changesIn(ReadingRange range, long after, int limit);
}
