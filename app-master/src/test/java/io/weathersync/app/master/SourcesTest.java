package io.weathersync.app.master;

import com.sun.net.httpserver.HttpServer;
import io.weathersync.adapter.jdbc.Database;
import io.weathersync.adapter.jdbc.JdbiGeocodedCities;
import io.weathersync.application.port.out.FetchResult;
import io.weathersync.application.port.out.WeatherSource;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.CitySpec;
import io.weathersync.domain.model.Coordinates;
import io.weathersync.domain.model.GeocodingAnswer;
import io.weathersync.runtime.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class SourcesTest {

    private static final City ZOCCA = new City("Zocca");

    @TempDir
    Path dir;

    @Test
    void openMeteoUsesCoordinatesTheStoreRememberedBeforeARestart() throws Exception {
        String dbUrl = "jdbc:h2:file:" + dir.resolve("weather").toAbsolutePath();
        try (Database before = Database.open(dbUrl, "sa", "")) {
            new JdbiGeocodedCities(before).remember(ZOCCA, new GeocodingAnswer.Found(new Coordinates(44.34, 10.99),
                    Instant.parse("2026-11-23T10:00:00Z")));
        }
        List<String> forecastQueries = new CopyOnWriteArrayList<>();
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/v1/forecast", exchange -> {
            forecastQueries.add(exchange.getRequestURI().getRawQuery());
            byte[] body = "{\"error\":true,\"reason\":\"test stops here\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        MasterConfig config = MasterSettings.read(Settings.load(Optional.empty(), Map.of(
                "WEATHER_SOURCE", "open-meteo",
                "OPEN_METEO_URL", "http://127.0.0.1:" + api.getAddress().getPort()), MasterSettings.all()));

        try (Database after = Database.open(dbUrl, "sa", "");
             AutoCloseable ignored = () -> api.stop(0)) {
            WeatherSource source = Sources.create(config, new JdbiGeocodedCities(after), Clock.systemUTC());
            FetchResult result = source.fetch(List.of(new CitySpec(ZOCCA, null)));
            ((AutoCloseable) source).close();

            assertThat(result.failures().get(ZOCCA)).contains("test stops here");
        }
        assertThat(forecastQueries).singleElement().asString()
                .contains("latitude=44.3400").contains("longitude=10.9900");
    }
}
