package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.GeocodedCities;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.Coordinates;
import io.weathersync.domain.model.GeocodingAnswer;
import io.weathersync.domain.model.GeocodingAnswer.Found;
import io.weathersync.domain.model.GeocodingAnswer.NotFound;
import org.jdbi.v3.core.Jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Geocoding answers in a relational database ({@code geocoded_cities}), one row per city key; a name that
 * matched nothing is a row without coordinates. Times are kept to the millisecond.
 */
public final class JdbiGeocodedCities implements GeocodedCities {

    private final Jdbi jdbi;
    private final Database database;

    /** The answers stored in {@code database}. */
    public JdbiGeocodedCities(Database database) {
        this.jdbi = database.jdbi();
        this.database = database;
    }

    @Override
    public Optional<GeocodingAnswer> find(City city) {
        if (city == null) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT latitude, longitude, answered_at FROM geocoded_cities"
                        + " WHERE city_key = :key")
                .bind("key", city.key())
                .map((rs, ctx) -> answer(rs))
                .findOne());
    }

    private static GeocodingAnswer answer(ResultSet rs) throws SQLException {
        Instant at = Instant.ofEpochMilli(rs.getLong("answered_at"));
        Double latitude = rs.getObject("latitude", Double.class);
        Double longitude = rs.getObject("longitude", Double.class);
        return latitude == null || longitude == null ? new NotFound(at)
                : new Found(new Coordinates(latitude, longitude), at);
    }

    @Override
    public void remember(City city, GeocodingAnswer answer) {
        Objects.requireNonNull(city, "city: must not be null");
        Objects.requireNonNull(answer, "answer: must not be null");
        Optional<Coordinates> at = switch (answer) {
            case Found found -> Optional.of(found.coordinates());
            case NotFound notFound -> Optional.empty();
        };
        database.writeVoid(h -> h.createUpdate("INSERT INTO geocoded_cities (city_key, city_name, latitude, longitude,"
                        + " answered_at) VALUES (:key, :name, :latitude, :longitude, :answered_at)"
                        + " ON DUPLICATE KEY UPDATE city_name = VALUES(city_name), latitude = VALUES(latitude),"
                        + " longitude = VALUES(longitude), answered_at = VALUES(answered_at)")
                .bind("key", city.key())
                .bind("name", city.name())
                .bind("latitude", at.map(Coordinates::latitude).orElse(null))
                .bind("longitude", at.map(Coordinates::longitude).orElse(null))
                .bind("answered_at", answer.at().toEpochMilli())
                .execute());
    }
}
