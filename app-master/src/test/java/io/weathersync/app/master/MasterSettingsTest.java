package io.weathersync.app.master;

import io.weathersync.adapter.http.weather.KnownCities;
import io.weathersync.runtime.ConfigException;
import io.weathersync.runtime.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MasterSettingsTest {

    @TempDir
    Path dir;

    @Test
    void withNothingConfiguredTheMasterRunsOnDesignDefaults() {
        MasterConfig config = read(Map.of());

        assertThat(config.node().host()).isEqualTo("127.0.0.1");
        assertThat(config.node().port()).isEqualTo(8080);
        assertThat(config.node().dataDir()).isEqualTo(Path.of("./data/master"));
        assertThat(config.node().dbUrl()).startsWith("jdbc:h2:file:/").endsWith("/data/master/weather");
        assertThat(config.node().redisUri()).isEmpty();
        assertThat(config.source()).isEqualTo(SourceKind.OPEN_METEO);
        assertThat(config.cities()).isEqualTo(KnownCities.all()).isNotEmpty();
        assertThat(config.pollInterval()).as("derived from the source's free tier at start").isEmpty();
        assertThat(config.openMeteoUrl()).isEqualTo(URI.create("https://api.open-meteo.com"));
        assertThat(config.openWeatherMapUrl()).isEqualTo(URI.create("https://api.openweathermap.org"));
        assertThat(config.adminToken()).isEmpty();
        assertThat(config.offlineAfter()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void everyVariableOverridesItsKey() {
        MasterConfig config = read(Map.ofEntries(
                Map.entry("SERVER_HOST", "0.0.0.0"), Map.entry("SERVER_PORT", "0"), Map.entry("DATA_DIR", "/var/ws"),
                Map.entry("DB_URL", "jdbc:mysql://db:3306/weather"), Map.entry("DB_USER", "ws"),
                Map.entry("DB_PASSWORD", "pw"), Map.entry("REDIS_URI", "redis://r:6379"),
                Map.entry("REDIS_CHANNEL", "c"), Map.entry("WEATHER_SOURCE", "OpenWeatherMap"),
                Map.entry("WEATHER_CITIES", "Oslo"), Map.entry("WEATHER_POLL_INTERVAL", "5m"),
                Map.entry("OPEN_METEO_URL", "http://127.0.0.1:9/"), Map.entry("OPENWEATHERMAP_URL", "http://h:1"),
                Map.entry("OPENWEATHERMAP_API_KEY", "k"), Map.entry("ADMIN_TOKEN", "t"),
                Map.entry("CASCADE_OFFLINE_AFTER", "90s")));

        assertThat(config.node().host()).isEqualTo("0.0.0.0");
        assertThat(config.node().port()).isZero();
        assertThat(config.node().dbUrl()).isEqualTo("jdbc:mysql://db:3306/weather");
        assertThat(config.node().dbUser()).isEqualTo("ws");
        assertThat(config.node().dbPassword()).contains("pw");
        assertThat(config.node().redisUri()).contains("redis://r:6379");
        assertThat(config.node().redisChannel()).isEqualTo("c");
        assertThat(config.source()).isEqualTo(SourceKind.OPENWEATHERMAP);
        assertThat(config.cities()).hasSize(1);
        assertThat(config.pollInterval()).contains(Duration.ofMinutes(5));
        assertThat(config.openMeteoUrl()).isEqualTo(URI.create("http://127.0.0.1:9"));
        assertThat(config.openWeatherMapKey()).contains("k");
        assertThat(config.adminToken()).contains("t");
        assertThat(config.offlineAfter()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.toString()).doesNotContain("pw").doesNotContain("=k,").doesNotContain("=t,");
    }

    @Test
    void yamlKeysAreReadIncludingACityList() throws IOException {
        Path yaml = Files.writeString(dir.resolve("m.yaml"), """
                server:
                  port: 9090
                weather:
                  source: simulated
                  poll_interval: 90s
                  cities:
                    - Beijing
                    - Paris@48.85,2.35
                """);

        MasterConfig config = MasterSettings.read(Settings.load(Optional.of(yaml), Map.of(), MasterSettings.all()));

        assertThat(config.node().port()).isEqualTo(9090);
        assertThat(config.source()).isEqualTo(SourceKind.SIMULATED);
        assertThat(config.pollInterval()).contains(Duration.ofSeconds(90));
        assertThat(config.cities()).extracting(c -> c.city().name()).containsExactly("Beijing", "Paris");
    }

    @Test
    void openWeatherMapWithoutItsKeyIsRefused() {
        assertThatThrownBy(() -> read(Map.of("WEATHER_SOURCE", "openweathermap")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OPENWEATHERMAP_API_KEY is required");
    }

    @Test
    void unknownSourceBadUrlAndBadIntervalAreNamed() {
        assertThatThrownBy(() -> read(Map.of("WEATHER_SOURCE", "x"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("WEATHER_SOURCE").hasMessageContaining("unknown weather source");
        assertThatThrownBy(() -> read(Map.of("OPEN_METEO_URL", "api.open-meteo.com")))
                .hasMessageContaining("OPEN_METEO_URL");
        assertThatThrownBy(() -> read(Map.of("CASCADE_OFFLINE_AFTER", "0")))
                .hasMessageContaining("CASCADE_OFFLINE_AFTER");
        assertThatThrownBy(() -> read(Map.of("WEATHER_CITIES", "Paris,paris"))).hasMessageContaining("WEATHER_CITIES")
                .hasMessageContaining("listed twice");
    }

    private static MasterConfig read(Map<String, String> env) {
        return MasterSettings.read(Settings.load(Optional.empty(), env, MasterSettings.all()));
    }
}
