package io.weathersync.adapter.http.weather;

import io.weathersync.domain.model.City;
import io.weathersync.domain.model.CitySpec;
import io.weathersync.domain.model.Coordinates;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in table of major world cities with their coordinates (resource {@code known-cities.csv}), so
 * that the usual names need no geocoding call; also the default city list of a master.
 */
public final class KnownCities {

    private static final String RESOURCE = "known-cities.csv";
    private static final List<CitySpec> ALL;
    private static final Map<City, Coordinates> BY_NAME;

    static {
        List<CitySpec> all = new ArrayList<>();
        Map<City, Coordinates> byName = new HashMap<>();
        try (InputStream in = KnownCities.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.strip().startsWith("#")) {
                    continue;
                }
                parseLine(line, lineNumber, all, byName);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        ALL = List.copyOf(all);
        BY_NAME = Map.copyOf(byName);
    }

    private KnownCities() {
    }

    /** Every city of the table under its English name, in table order. */
    public static List<CitySpec> all() {
        return ALL;
    }

    /** Where {@code city} is, if the table knows it (by English name or an alias such as 北京). */
    public static Optional<Coordinates> find(City city) {
        return Optional.ofNullable(BY_NAME.get(city));
    }

    // name,latitude,longitude[,alias|alias...]
    private static void parseLine(String line, int number, List<CitySpec> all, Map<City, Coordinates> byName) {
        String[] parts = line.split(",", -1);
        if (parts.length < 3 || parts.length > 4) {
            throw new IllegalStateException(RESOURCE + " line " + number + ": expected name,lat,lon[,aliases]");
        }
        City city = new City(parts[0]);
        Coordinates at = new Coordinates(Double.parseDouble(parts[1].strip()), Double.parseDouble(parts[2].strip()));
        all.add(new CitySpec(city, at));
        byName.put(city, at);
        if (parts.length == 4 && !parts[3].isBlank()) {
            for (String alias : parts[3].split("\\|")) {
                byName.put(new City(alias), at);
            }
        }
    }
}
