package io.weathersync.application.port.out;

import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Coordinates;
import io.weathersync.domain.model.GeocodingAnswer;
import io.weathersync.domain.model.GeocodingAnswer.Found;
import io.weathersync.domain.model.GeocodingAnswer.NotFound;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract of {@link GeocodedCities}: one answer per city, found or not, the last one wins, names equal as
 * {@link City} share it, and (for durable adapters) answers survive a reopen. An adapter runs it by subclassing.
 */
public abstract class GeocodedCitiesContract {

    private static final Instant T = Instant.parse("2026-11-23T10:00:00.250Z");

    /** A fresh, empty store, for one test. */
    protected abstract GeocodedCities createCities();

    /** The same store as a new process would see it; durable adapters reopen their database here. */
    protected GeocodedCities reopen(GeocodedCities cities) {
        return cities;
    }

    private static Found found(double latitude, double longitude, long minutes) {
        return new Found(new Coordinates(latitude, longitude), T.plus(Duration.ofMinutes(minutes)));
    }

    @Test
    void aNameNeverLookedUpHasNoAnswer() {
        GeocodedCities cities = createCities();
        cities.remember(new City("Zocca"), found(44.34, 10.99, 0));

        assertThat(cities.find(new City("Modena"))).isEmpty();
        assertThat(createCities().find(new City("Zocca"))).as("a fresh store is empty").isEmpty();
    }

    @Test
    void aFoundPlaceIsRememberedWithItsExactCoordinatesAndTime() {
        GeocodedCities cities = createCities();
        Found zocca = found(44.3412345678, 10.9912345678, 0);
        Found edge = found(-90, 180, 1);

        cities.remember(new City("Zocca"), zocca);
        cities.remember(new City("Edge of the world"), edge);

        assertThat(cities.find(new City("Zocca"))).contains(zocca);
        assertThat(cities.find(new City("Edge of the world"))).contains(edge);
    }

    @Test
    void aNameThatMatchedNothingIsRememberedWithTheTimeOfTheLookup() {
        GeocodedCities cities = createCities();
        NotFound miss = new NotFound(T);

        cities.remember(new City("Atlantisxyz"), miss);

        assertThat(cities.find(new City("Atlantisxyz"))).contains(miss);
    }

    @Test
    void namesDifferingOnlyInCaseOrSpacingShareOneAnswer() {
        GeocodedCities cities = createCities();
        Found zocca = found(44.34, 10.99, 0);

        cities.remember(new City("San  Zocca"), zocca);

        assertThat(cities.find(new City("  san zOCCA "))).contains(zocca);
    }

    @Test
    void namesDifferingByAnAccentOrScriptAreDistinct() {
        GeocodedCities cities = createCities();
        Found zurich = found(47.3769, 8.5417, 0);
        Found beijing = found(39.9042, 116.4074, 1);

        cities.remember(new City("Zürich"), zurich);
        cities.remember(new City("北京"), beijing);

        assertThat(cities.find(new City("zürich"))).contains(zurich);
        assertThat(cities.find(new City("Zurich"))).isEmpty();
        assertThat(cities.find(new City("北京"))).contains(beijing);
    }

    @Test
    void aLaterAnswerReplacesTheEarlierOne() {
        GeocodedCities cities = createCities();
        City newTown = new City("Newtown");
        Found found = found(51.0, -1.5, 60);
        NotFound missAgain = new NotFound(T.plus(Duration.ofMinutes(120)));

        cities.remember(newTown, new NotFound(T));
        cities.remember(newTown, found);
        GeocodingAnswer afterFound = cities.find(newTown).orElseThrow();
        cities.remember(newTown, missAgain);

        assertThat(afterFound).isEqualTo(found);
        assertThat(cities.find(newTown)).contains(missAgain);
    }

    @Test
    void answersSurviveAReopen() {
        GeocodedCities cities = createCities();
        Found zocca = found(44.34, 10.99, 0);
        NotFound miss = new NotFound(T.plusMillis(1));
        cities.remember(new City("Zocca"), zocca);
        cities.remember(new City("Atlantisxyz"), miss);

        GeocodedCities reopened = reopen(cities);

        assertThat(reopened.find(new City("Zocca"))).contains(zocca);
        assertThat(reopened.find(new City("Atlantisxyz"))).contains(miss);
    }

    @Test
    void aMissingCityOrAnswerIsRejectedAndChangesNothing() {
        GeocodedCities cities = createCities();
        Found zocca = found(44.34, 10.99, 0);
        cities.remember(new City("Zocca"), zocca);

        assertThatThrownBy(() -> cities.remember(null, found(1, 1, 1)))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("city");
        assertThatThrownBy(() -> cities.remember(new City("Zocca"), null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("answer");

        assertThat(cities.find(new City("Zocca"))).contains(zocca);
    }
}
