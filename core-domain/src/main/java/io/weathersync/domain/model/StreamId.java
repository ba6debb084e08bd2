package io.weathersync.domain.model;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The identity of a master's change log, created once when its store is first initialised.
 * A new stream id means a new log: replicas following the old one resync fully.
 *
 * @param value 1 to 64 letters, digits or '-'
 */
public record StreamId(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9-]{1,64}");

    /** Validates the form. */
    public StreamId {
        Objects.requireNonNull(value, "stream: must not be null");
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("stream: must be 1 to 64 letters, digits or '-', was '" + value + "'");
        }
    }

    /** A new, random stream id. */
    public static StreamId random() {
        return new StreamId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
