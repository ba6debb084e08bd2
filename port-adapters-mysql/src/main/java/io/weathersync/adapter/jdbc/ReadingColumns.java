package io.weathersync.adapter.jdbc;

import io.weathersync.domain.model.City;
import io.weathersync.domain.model.WeatherReading;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** How a reading maps to the columns that the log's and the replica's reading tables share. */
final class ReadingColumns {

    /** The reading's columns, in table order, for INSERT lists. */
    static final String NAMES = "city_key, observed_at, city_name, temperature, humidity, pressure, wind_speed, "
            + "wind_direction, precipitation, weather_code, source_name";
    /** The matching named parameters. */
    static final String PARAMETERS = ":city_key, :observed_at, :city_name, :temperature, :humidity, :pressure, "
            + ":wind_speed, :wind_direction, :precipitation, :weather_code, :source_name";
    /** ON DUPLICATE KEY UPDATE assignments of every non-key column, the seq included. */
    static final String UPDATES = "city_name = VALUES(city_name), temperature = VALUES(temperature), "
            + "humidity = VALUES(humidity), pressure = VALUES(pressure), wind_speed = VALUES(wind_speed), "
            + "wind_direction = VALUES(wind_direction), precipitation = VALUES(precipitation), "
            + "weather_code = VALUES(weather_code), source_name = VALUES(source_name), seq = VALUES(seq)";
    /** The columns a reading is read from, on a table aliased {@code r}. */
    static final String SELECT = "r.city_name, r.observed_at, r.temperature, r.humidity, r.pressure, r.wind_speed, "
            + "r.wind_direction, r.precipitation, r.weather_code, r.source_name";

    private ReadingColumns() {
    }

    /** Binds {@code reading} to the parameters of {@link #PARAMETERS} on the batch's current row. */
    static PreparedBatch bind(PreparedBatch batch, WeatherReading reading) {
        return batch.bind("city_key", reading.city().key())
                .bind("observed_at", reading.observedAt().toEpochMilli())
                .bind("city_name", reading.city().name())
                .bind("temperature", reading.temperature())
                .bind("humidity", reading.humidity())
                .bind("pressure", reading.pressure())
                .bind("wind_speed", reading.windSpeed())
                .bind("wind_direction", reading.windDirection())
                .bind("precipitation", reading.precipitation())
                .bind("weather_code", reading.weatherCode())
                .bind("source_name", reading.source());
    }

    /** The reading of the current row (see {@link #SELECT}), or {@code null} where an outer join found none. */
    static WeatherReading read(ResultSet rs) throws SQLException {
        String name = rs.getString("city_name");
        if (name == null) {
            return null;
        }
        Integer weatherCode = rs.getInt("weather_code");
        if (rs.wasNull()) {
            weatherCode = null;
        }
        return new WeatherReading(new City(name), Instant.ofEpochMilli(rs.getLong("observed_at")),
                rs.getDouble("temperature"), rs.getDouble("humidity"), optional(rs, "pressure"),
                optional(rs, "wind_speed"), optional(rs, "wind_direction"), optional(rs, "precipitation"),
                weatherCode, rs.getString("source_name"));
    }

    private static Double optional(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
