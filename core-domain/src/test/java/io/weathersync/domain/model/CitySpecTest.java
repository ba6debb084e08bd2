package io.weathersync.domain.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsing configured cities ({@code Name} or {@code Name@lat,lon}). */
class CitySpecTest {

    @Test
    void aPlainNameHasNoCoordinates() {
        CitySpec spec = CitySpec.parse("Berlin");

        assertThat(spec.city()).isEqualTo(new City("Berlin"));
        assertThat(spec.coordinates()).isNull();
        assertThat(spec.location()).isEmpty();
    }

    @Test
    void aNameWithCoordinatesIsParsed() {
        CitySpec spec = CitySpec.parse("Berlin@52.52,13.405");

        assertThat(spec.city().name()).isEqualTo("Berlin");
        assertThat(spec.location()).contains(new Coordinates(52.52, 13.405));
    }

    @Test
    void spacesAroundEveryPartAreIgnored() {
        CitySpec spec = CitySpec.parse("  New   York @ 40.7128 , -74.006 ");

        assertThat(spec.city().name()).isEqualTo("New York");
        assertThat(spec.location()).contains(new Coordinates(40.7128, -74.006));
    }

    @Test
    void coordinatesAtTheEdgesOfTheEarthAreAccepted() {
        assertThat(CitySpec.parse("Pole@90,-180").location()).contains(new Coordinates(90, -180));
        assertThat(CitySpec.parse("Other@-90,180").location()).contains(new Coordinates(-90, 180));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Berlin@", "Berlin@52.5", "Berlin@52.5;13.4", "Berlin@1,2,3"})
    void aMissingOrExtraCoordinatePartIsRejected(String entry) {
        assertThatThrownBy(() -> CitySpec.parse(entry))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("city entry '" + entry + "': expected name@latitude,longitude");
    }

    @Test
    void aLatitudeThatIsNotANumberIsRejectedNamingIt() {
        assertThatThrownBy(() -> CitySpec.parse("Berlin@north,13.4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("latitude: 'north' in city entry 'Berlin@north,13.4' is not a number");
    }

    @Test
    void aLongitudeThatIsNotANumberIsRejectedNamingIt() {
        assertThatThrownBy(() -> CitySpec.parse("Berlin@52.5, east"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("longitude: 'east' in city entry 'Berlin@52.5, east' is not a number");
    }

    @Test
    void anEmptyCoordinateIsNotANumber() {
        assertThatThrownBy(() -> CitySpec.parse("Berlin@,13"))
                .hasMessage("latitude: '' in city entry 'Berlin@,13' is not a number");
    }

    @Test
    void aLatitudeOutOfRangeIsRejectedNamingTheBound() {
        assertThatThrownBy(() -> CitySpec.parse("X@90.5,0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("latitude: must be between -90 and 90, was 90.5");
        assertThatThrownBy(() -> CitySpec.parse("X@-91,0"))
                .hasMessage("latitude: must be between -90 and 90, was -91");
    }

    @Test
    void aLongitudeOutOfRangeIsRejectedNamingTheBound() {
        assertThatThrownBy(() -> CitySpec.parse("X@0,180.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("longitude: must be between -180 and 180, was 180.1");
        assertThatThrownBy(() -> CitySpec.parse("X@0,-181"))
                .hasMessage("longitude: must be between -180 and 180, was -181");
    }

    @Test
    void notANumberCoordinatesAreRejected() {
        assertThatThrownBy(() -> CitySpec.parse("X@NaN,0"))
                .hasMessage("latitude: must be a finite number, was NaN");
        assertThatThrownBy(() -> CitySpec.parse("X@0,Infinity"))
                .hasMessage("longitude: must be a finite number, was Infinity");
    }

    @Test
    void anEmptyNameBeforeTheCoordinatesIsRejected() {
        assertThatThrownBy(() -> CitySpec.parse(" @1,2")).hasMessage("city: must not be empty");
    }

    @Test
    void aNullEntryIsRejected() {
        assertThatThrownBy(() -> CitySpec.parse(null)).hasMessageStartingWith("city entry:");
    }

    @Test
    void aSpecWithoutCityIsRejected() {
        assertThatThrownBy(() -> new CitySpec(null, null)).hasMessageStartingWith("city:");
    }
}
