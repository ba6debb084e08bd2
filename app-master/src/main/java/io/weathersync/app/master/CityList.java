package io.weathersync.app.master;

import io.weathersync.domain.model.CitySpec;
import io.weathersync.domain.model.City;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code WEATHER_CITIES}: a comma list of {@code Name} or {@code Name@lat,lon}. The comma inside a
 * coordinate pair is told apart from the list's commas by position: a number right after an entry that has
 * an {@code @} and only its latitude yet is that entry's longitude.
 */
final class CityList {

    private static final Pattern NUMBER = Pattern.compile("\\s*[-+]?\\d+(\\.\\d+)?\\s*");

    private CityList() {
    }

    /**
     * The cities of {@code text}, in order.
     *
     * @throws IllegalArgumentException naming the bad entry, a duplicate, or an empty list
     */
    static List<CitySpec> parse(String text) {
        List<String> entries = new ArrayList<>();
        for (String token : text.split(",", -1)) {
            int last = entries.size() - 1;
            if (last >= 0 && NUMBER.matcher(token).matches() && awaitsLongitude(entries.get(last))) {
                entries.set(last, entries.get(last) + "," + token);
            } else {
                entries.add(token);
            }
        }
        List<CitySpec> cities = new ArrayList<>();
        Set<City> seen = new HashSet<>();
        for (String entry : entries) {
            if (entry.isBlank()) {
                throw new IllegalArgumentException("empty city entry (two commas in a row, or a trailing comma)");
            }
            CitySpec spec = CitySpec.parse(entry.strip());
            if (!seen.add(spec.city())) {
                throw new IllegalArgumentException("city '" + spec.city().name() + "' is listed twice");
            }
            cities.add(spec);
        }
        return List.copyOf(cities);
    }

    private static boolean awaitsLongitude(String entry) {
        int at = entry.indexOf('@');
        return at >= 0 && entry.indexOf(',', at) < 0;
    }
}
