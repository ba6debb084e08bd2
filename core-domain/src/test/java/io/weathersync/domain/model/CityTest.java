package io.weathersync.domain.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** City names: normalisation, case-insensitive identity and the rejected forms. */
class CityTest {

    @Test
    void aNameIsTrimmedAndItsInnerWhitespaceCollapsed() {
        assertThat(new City("  New \t York\n").name()).isEqualTo("New York");
        assertThat(new City("Rio   de    Janeiro").name()).isEqualTo("Rio de Janeiro");
    }

    @Test
    void namesDifferingOnlyInCaseOrSpacingAreTheSameCity() {
        City city = new City("New York");
        City other = new City(" NEW   york ");

        assertThat(other).isEqualTo(city);
        assertThat(other.hashCode()).isEqualTo(city.hashCode());
        assertThat(other.key()).isEqualTo("new york");
        assertThat(other.name()).isEqualTo("NEW york");
        assertThat(other.toString()).isEqualTo("NEW york");
    }

    @Test
    void differentNamesAreDifferentCities() {
        assertThat(new City("York")).isNotEqualTo(new City("New York"));
        assertThat(new City("York")).isNotEqualTo("York");
    }

    @Test
    void nonAsciiNamesAreKept() {
        assertThat(new City("São Paulo").name()).isEqualTo("São Paulo");
        assertThat(new City("ZÜRICH")).isEqualTo(new City("zürich"));
        assertThat(new City("北京").key()).isEqualTo("北京");
    }

    @Test
    void theKeyDoesNotDependOnTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            assertThat(new City("ISTANBUL").key()).isEqualTo("istanbul");
        } finally {
            Locale.setDefault(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", " \t\n "})
    void anEmptyNameIsRejected(String name) {
        assertThatThrownBy(() -> new City(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("city: must not be empty");
    }

    @Test
    void aNullNameIsRejectedNamingTheField() {
        assertThatThrownBy(() -> new City(null)).hasMessageStartingWith("city:");
    }

    @Test
    void aNameOfTheMaximumLengthIsAccepted() {
        assertThat(new City("x".repeat(City.MAX_LENGTH)).name()).hasSize(100);
        assertThat(new City("  " + "x".repeat(50) + "   " + "x".repeat(49) + "  ").name()).hasSize(100);
    }

    @Test
    void aNameOneCharacterTooLongIsRejectedNamingTheBound() {
        assertThatThrownBy(() -> new City("x".repeat(City.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("city: must be at most 100 characters, was 101");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Berlin@52,13", "Berlin,Germany", "Ber\u0000lin", "Ber\u0007lin", "Ber\u007Flin",
            "Ber\u0085lin"})
    void forbiddenCharactersAreRejected(String name) {
        assertThatThrownBy(() -> new City(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("city: must not contain control characters, '@' or ','");
    }
}
