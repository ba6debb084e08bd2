package io.weathersync.app.master;

import io.weathersync.domain.model.City;
import io.weathersync.domain.model.CitySpec;
import io.weathersync.domain.model.Coordinates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CityListTest {

    @Test
    void namesAndCoordinatePairsMixInOneCommaList() {
        assertThat(CityList.parse("Beijing, Tokyo@35.68,139.69 ,Paris@48.85, 2.35,São Paulo"))
                .containsExactly(
                        new CitySpec(new City("Beijing"), null),
                        new CitySpec(new City("Tokyo"), new Coordinates(35.68, 139.69)),
                        new CitySpec(new City("Paris"), new Coordinates(48.85, 2.35)),
                        new CitySpec(new City("São Paulo"), null));
    }

    @Test
    void negativeCoordinatesAreNotMistakenForEntries() {
        assertThat(CityList.parse("Lima@-12.05,-77.04,Quito"))
                .extracting(CitySpec::coordinates)
                .containsExactly(new Coordinates(-12.05, -77.04), null);
    }

    @Test
    void badEntriesDuplicatesAndGapsAreNamed() {
        assertThatThrownBy(() -> CityList.parse("Paris@48.8")).hasMessageContaining("Paris@48.8");
        assertThatThrownBy(() -> CityList.parse("Paris@north,2.3")).hasMessageContaining("latitude");
        assertThatThrownBy(() -> CityList.parse("Paris,paris")).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> CityList.parse("Paris,,Rome")).hasMessageContaining("empty city entry");
        assertThatThrownBy(() -> CityList.parse("Paris,")).hasMessageContaining("empty city entry");
    }
}
