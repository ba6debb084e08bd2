package io.weathersync.domain.sync;

import io.weathersync.domain.model.WeatherReading;

/** The dedup rule: how an incoming reading relates to what is stored under the same identity. */
public enum ChangeKind {
    /** Nothing is stored under this identity yet. */
    NEW,
    /** A different value for a stored identity: a correction, and so a change. */
    CORRECTION,
    /** Equal to what is stored: a re-poll of the same observation, not a change. */
    UNCHANGED;

    /** Classifies {@code incoming} against the stored reading with the same key ({@code null} if none). */
    public static ChangeKind of(WeatherReading stored, WeatherReading incoming) {
        if (stored == null) {
            return NEW;
        }
        return sameValue(stored, incoming) ? UNCHANGED : CORRECTION;
    }

    /** Equal in every field, the city's spelling included, so a re-spelt name also propagates. */
    private static boolean sameValue(WeatherReading a, WeatherReading b) {
        return a.equals(b) && a.city().name().equals(b.city().name());
    }

    /** Whether this kind is a change that gets a seq. */
    public boolean isChange() {
        return this != UNCHANGED;
    }
}
