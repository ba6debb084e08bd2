package io.weathersync.domain.model;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A city name as users write it; two names that differ only in case or spacing are the same city.
 *
 * @param name the display name, trimmed, with inner whitespace collapsed to single spaces
 */
public record City(String name) {

    /** Longest accepted name, in characters. */
    public static final int MAX_LENGTH = 100;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Validates and normalises the name; the message names the field and the bound. */
    public City {
        Objects.requireNonNull(name, "city: must not be null");
        name = WHITESPACE.matcher(name.strip()).replaceAll(" ");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("city: must not be empty");
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "city: must be at most " + MAX_LENGTH + " characters, was " + name.length());
        }
        if (name.chars().anyMatch(c -> Character.isISOControl(c) || c == '@' || c == ',')) {
            throw new IllegalArgumentException("city: must not contain control characters, '@' or ','");
        }
    }

    /** The identity of the city: lower-case, locale-independent. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof City city && key().equals(city.key());
    }

    @Override
    public int hashCode() {
        return key().hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
