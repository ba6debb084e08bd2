package io.weathersync.testing;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.domain.sync.CanonicalForm;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Readings and changes for tests: short to write, exact to compare. */
public final class TestReadings {

    /** A fixed observation time every test counts from. */
    public static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private TestReadings() {
    }

    /** {@link #T0} plus {@code minutes}. */
    public static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** A reading with only the required fields, {@code minutes} after {@link #T0}. */
    public static WeatherReading reading(String city, long minutes, double temp) {
        return WeatherReading.of(new City(city), at(minutes), temp, 50, "test");
    }

    /** A reading with only the required fields at {@code observedAt}. */
    public static WeatherReading reading(String city, Instant observedAt, double temp) {
        return WeatherReading.of(new City(city), observedAt, temp, 50, "test");
    }

    /**
     * A reading with every optional field set to a value that a lossy store would change: doubles that are
     * not short decimals, a time with milliseconds, a non-ASCII city name.
     */
    public static WeatherReading full(String city, Instant observedAt) {
        return new WeatherReading(new City(city), observedAt, 0.1 + 0.2, 65.43210987654321, 1012.3456789012345,
                3.0000000000000004, 359.99999999999994, 0.007, 999, "open-meteo");
    }

    /** The reading with only the required fields and every optional one null, at a millisecond time. */
    public static WeatherReading minimal(String city, Instant observedAt) {
        return new WeatherReading(new City(city), observedAt, -12.5, 0, null, null, null, null, null, "simulated");
    }

    /** Changes of {@code stream} for {@code readings}, numbered from {@code firstSeq}. */
    public static List<Change> changes(StreamId stream, long firstSeq, List<WeatherReading> readings) {
        List<Change> changes = new ArrayList<>();
        long seq = firstSeq;
        for (WeatherReading reading : readings) {
            changes.add(new Change(stream, seq++, reading));
        }
        return changes;
    }

    /** The exact text of a reading (spelling of the city and every bit of every number included). */
    public static String exact(WeatherReading reading) {
        return CanonicalForm.of(reading);
    }

    /** The exact text of a change, as the master signs it. */
    public static String exact(Change change) {
        return new String(CanonicalForm.signedBytes(change), StandardCharsets.UTF_8);
    }

    /** The exact texts of readings, in order. */
    public static List<String> exactReadings(List<WeatherReading> readings) {
        return readings.stream().map(TestReadings::exact).toList();
    }

    /** The exact texts of changes, in order. */
    public static List<String> exactChanges(List<Change> changes) {
        return changes.stream().map(TestReadings::exact).toList();
    }
}
