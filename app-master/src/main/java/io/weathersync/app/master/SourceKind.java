package io.weathersync.app.master;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The weather sources {@code WEATHER_SOURCE} can name. */
enum SourceKind {
    /** Open-Meteo, no key. */
    OPEN_METEO("open-meteo"),
    /** OpenWeatherMap, with {@code OPENWEATHERMAP_API_KEY}. */
    OPENWEATHERMAP("openweathermap"),
    /** The labelled simulation, for offline use. */
    SIMULATED("simulated");

    private final String id;

    SourceKind(String id) {
        this.id = id;
    }

    /** The name as configured. */
    String id() {
        return id;
    }

    /** The source named {@code text}, case-insensitively. */
    static Optional<SourceKind> of(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.id.equals(wanted)).findFirst();
    }

    /** Every name, for messages. */
    static String names() {
        return Arrays.stream(values()).map(SourceKind::id).collect(Collectors.joining(", "));
    }
}
