package io.weathersync.domain.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A configured city: a name, and coordinates when the operator gave them ({@code name@lat,lon}).
 *
 * @param city        the city
 * @param coordinates where it is, or {@code null} when a source must look the name up
 */
public record CitySpec(City city, Coordinates coordinates) {

    /** Requires a city. */
    public CitySpec {
        Objects.requireNonNull(city, "city: must not be null");
    }

    /**
     * Parses {@code Name} or {@code Name@lat,lon}.
     *
     * @throws IllegalArgumentException naming what is wrong with the entry
     */
    public static CitySpec parse(String entry) {
        Objects.requireNonNull(entry, "city entry: must not be null");
        int at = entry.indexOf('@');
        if (at < 0) {
            return new CitySpec(new City(entry), null);
        }
        String[] parts = entry.substring(at + 1).split(",", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(
                    "city entry '" + entry.strip() + "': expected name@latitude,longitude");
        }
        return new CitySpec(new City(entry.substring(0, at)),
                new Coordinates(number("latitude", parts[0], entry), number("longitude", parts[1], entry)));
    }

    /** The coordinates, when known. */
    public Optional<Coordinates> location() {
        return Optional.ofNullable(coordinates);
    }

    private static double number(String field, String text, String entry) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    field + ": '" + text.strip() + "' in city entry '" + entry.strip() + "' is not a number");
        }
    }
}
