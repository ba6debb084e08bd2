package io.weathersync.domain.model;

import java.util.Objects;

/**
 * One entry of a master's change log: the reading as it became at {@code seq}.
 *
 * @param stream  the log it belongs to
 * @param seq     its position, ≥ 1, rising by exactly one per change
 * @param reading the reading's new value
 */
public record Change(StreamId stream, long seq, WeatherReading reading) {

    /** Requires a stream, a reading and a positive seq. */
    public Change {
        Objects.requireNonNull(stream, "stream: must not be null");
        Objects.requireNonNull(reading, "reading: must not be null");
        if (seq < 1) {
            throw new IllegalArgumentException("seq: must be at least 1, was " + seq);
        }
    }
}
