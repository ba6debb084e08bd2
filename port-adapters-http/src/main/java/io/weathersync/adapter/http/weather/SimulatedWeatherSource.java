package io.weathersync.adapter.http.weather;

import io.weathersync.application.port.out.FetchResult;
import io.weathersync.domain.model.FreeTier;
import io.weathersync.application.port.out.WeatherSource;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.CitySpec;
import io.weathersync.domain.model.Coordinates;
import io.weathersync.domain.model.WeatherReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * SIMULATED weather, for offline use only: no network, every reading labelled {@code source=simulated}.
 * A new observation every {@code slot} (the master's poll interval, so every poll brings changes and a demo shows
 * them flowing); deterministic per (city, slot), so a re-poll within a slot dedups; plausible values (temperature
 * by latitude, season and time of day; humidity 20–100 %, pressure 980–1040 hPa).
 */
public final class SimulatedWeatherSource implements WeatherSource {

    static final String NAME = "simulated";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedWeatherSource.class);

    private final Clock clock;
    private final Duration slot;

    /** A simulation on {@code clock} observing anew every {@code slot}; logs that its data is simulated. */
    public SimulatedWeatherSource(Clock clock, Duration slot) {
        this.clock = clock;
        if (slot.toSeconds() < 1) {
            throw new IllegalArgumentException("slot: must be at least one second, was " + slot);
        }
        this.slot = slot;
        LOG.warn("weather source '{}': readings are SIMULATED, not observed - for offline use only; "
                + "each reading is stored with source={}", NAME, NAME);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public FetchResult fetch(List<CitySpec> cities) {
        Instant observed = slotOf(clock.instant(), slot);
        List<WeatherReading> readings = new ArrayList<>();
        Set<City> seen = new HashSet<>();
        for (CitySpec spec : cities) {
            if (seen.add(spec.city())) {
                readings.add(reading(spec, observed));
            }
        }
        return new FetchResult(readings, Map.of());
    }

    /** The simulated reading of {@code spec} observed at {@code slot} (the same for the same city and instant). */
    public static WeatherReading reading(CitySpec spec, Instant slot) {
        City city = spec.city();
        Coordinates where = spec.location().or(() -> KnownCities.find(city)).orElseGet(() -> pseudoPlace(city));
        // Seeded by name and slot only: the same on every run and machine (String.hashCode is specified).
        SplittableRandom noise = new SplittableRandom(city.key().hashCode() * 1_000_003L + slot.getEpochSecond());
        ZonedDateTime utc = slot.atZone(ZoneOffset.UTC);
        double latitude = where.latitude();
        double localHour = ((utc.getHour() + utc.getMinute() / 60.0 + where.longitude() / 15.0) % 24 + 24) % 24;
        double daily = Math.cos(2 * Math.PI * (localHour - 15) / 24);          // +1 at 15:00, −1 at 03:00
        double winterness = Math.cos(2 * Math.PI * (utc.getDayOfYear() - 15) / 365.25) * Math.signum(latitude);
        double temperature = 28 - 0.45 * Math.abs(latitude) - 0.3 * Math.abs(latitude) * winterness
                + 5 * daily + noise.nextDouble(-1.5, 1.5);
        double humidity = clamp(65 - 15 * daily + noise.nextDouble(-10, 10), 20, 100);
        double pressure = clamp(1013 + 12 * Math.sin(slot.getEpochSecond() / 86_400.0 / 3 + city.key().hashCode())
                + noise.nextDouble(-2, 2), 980, 1040);
        double wind = Math.abs(3 + noise.nextGaussian() * 2.5);
        boolean raining = humidity > 85 && noise.nextDouble() < 0.6;
        return new WeatherReading(city, slot, round(clamp(temperature, -60, 55)), round(humidity), round(pressure),
                round(Math.min(wind, 40)), (double) noise.nextInt(0, 360), raining ? round(noise.nextDouble(0.1, 6)) : 0.0,
                raining ? 61 : humidity > 75 ? 3 : humidity > 55 ? 1 : 0, NAME);
    }

    private static Instant slotOf(Instant at, Duration slot) {
        long seconds = slot.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
    }

    // A city the table does not know still gets a stable place, so its climate stays the same every slot.
    private static Coordinates pseudoPlace(City city) {
        SplittableRandom place = new SplittableRandom(city.key().hashCode());
        return new Coordinates(place.nextDouble(-45, 60), place.nextDouble(-180, 180));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** No requests: nothing is asked of any API. */
    @Override
    public int requestsPerCycle(int cityCount) {
        return 0;
    }

    @Override
    public List<FreeTier> freeTiers() {
        return List.of();
    }
}
