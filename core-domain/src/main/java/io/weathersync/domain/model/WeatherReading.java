package io.weathersync.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One observation of the weather in a city, identified by (city, observation time).
 *
 * <p>The compact constructor rejects what cannot be weather; each message names the field and the bound.
 * Whether the observation lies in the future depends on a clock, so {@link #requireObservedBy} checks that.
 *
 * @param city          where
 * @param observedAt    when the source observed it (UTC), kept to the millisecond
 * @param temperature   °C, −100…70
 * @param humidity      relative humidity %, 0…100
 * @param pressure      hPa, 300…1100, optional
 * @param windSpeed     m/s, 0…120, optional
 * @param windDirection degrees, 0…360, optional
 * @param precipitation mm, 0…500, optional
 * @param weatherCode   the source's condition code (WMO for Open-Meteo), 0…999, optional
 * @param source        which source produced it, e.g. {@code open-meteo}
 */
public record WeatherReading(
        City city,
        Instant observedAt,
        double temperature,
        double humidity,
        Double pressure,
        Double windSpeed,
        Double windDirection,
        Double precipitation,
        Integer weatherCode,
        String source) {

    /** Earliest accepted observation time. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    /** How far ahead of the checking clock an observation may lie (clock skew between machines). */
    public static final Duration MAX_FUTURE = Duration.ofHours(1);
    private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");

    /** Validates every field. */
    public WeatherReading {
        Objects.requireNonNull(city, "city: must not be null");
        Objects.requireNonNull(observedAt, "timestamp: must not be null");
        observedAt = observedAt.truncatedTo(ChronoUnit.MILLIS);
        if (observedAt.isBefore(EARLIEST)) {
            throw new IllegalArgumentException("timestamp: must not be before " + EARLIEST + ", was " + observedAt);
        }
        Bounds.check("temp", temperature, -100, 70);
        Bounds.check("humidity", humidity, 0, 100);
        Bounds.check("pressure", pressure, 300, 1100);
        Bounds.check("wind_speed", windSpeed, 0, 120);
        Bounds.check("wind_direction", windDirection, 0, 360);
        Bounds.check("precipitation", precipitation, 0, 500);
        if (weatherCode != null && (weatherCode < 0 || weatherCode > 999)) {
            throw new IllegalArgumentException("weather_code: must be between 0 and 999, was " + weatherCode);
        }
        Objects.requireNonNull(source, "source: must not be null");
        if (!SOURCE.matcher(source).matches()) {
            throw new IllegalArgumentException(
                    "source: must be 1 to 32 lower-case letters, digits, '.', '_' or '-', was '" + source + "'");
        }
        // -0.0 is the same weather as 0.0, and SQL stores both as 0.0: keep one form, so a stored reading
        // equals the polled one (a re-poll is no correction) and every node hashes it alike.
        temperature += 0.0;
        humidity += 0.0;
        pressure = positiveZero(pressure);
        windSpeed = positiveZero(windSpeed);
        windDirection = positiveZero(windDirection);
        precipitation = positiveZero(precipitation);
    }

    private static Double positiveZero(Double value) {
        return value == null ? null : value + 0.0;
    }

    /** A reading with only the required fields. */
    public static WeatherReading of(City city, Instant observedAt, double temperature, double humidity, String source) {
        return new WeatherReading(city, observedAt, temperature, humidity, null, null, null, null, null, source);
    }

    /** The identity: two readings with the same key describe the same observation. */
    public ReadingKey key() {
        return new ReadingKey(city, observedAt);
    }

    /**
     * Rejects an observation later than {@code now} plus {@link #MAX_FUTURE}.
     *
     * @return this reading, for chaining
     */
    public WeatherReading requireObservedBy(Instant now) {
        if (observedAt.isAfter(now.plus(MAX_FUTURE))) {
            throw new IllegalArgumentException("timestamp: must not be more than " + MAX_FUTURE.toMinutes()
                    + " minutes in the future, was " + observedAt + " (now " + now + ")");
        }
        return this;
    }
}
