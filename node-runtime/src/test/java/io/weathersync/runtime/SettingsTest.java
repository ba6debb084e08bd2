package io.weathersync.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {

    private static final NodeSettings NODE = NodeSettings.withDefaults(8080, "./data/master");
    private static final Setting INTERVAL = Setting.of("weather.poll_interval", "WEATHER_POLL_INTERVAL", "60", "x");
    private static final Setting PARENT = Setting.of("cascade.parent_url", "CASCADE_PARENT_URL", null, "x");
    private static final Setting TOKEN = Setting.secret("admin.token", "ADMIN_TOKEN", "x");
    private static final List<Setting> TABLE = List.of(NODE.serverHost(), NODE.serverPort(), NODE.dataDir(),
            NODE.dbUrl(), NODE.dbUser(), NODE.dbPassword(), NODE.redisUri(), NODE.redisChannel(), INTERVAL, PARENT,
            TOKEN);

    @TempDir
    Path dir;

    @Test
    void defaultsApplyWithNoFileAndNoEnvironment() {
        Settings settings = Settings.load(Optional.empty(), Map.of(), TABLE);
        NodeConfig node = NODE.read(settings);

        assertThat(node.host()).isEqualTo("127.0.0.1");
        assertThat(node.port()).isEqualTo(8080);
        assertThat(node.dataDir()).isEqualTo(Path.of("./data/master"));
        assertThat(node.dbUrl()).isEqualTo("jdbc:h2:file:" + Path.of("data/master/weather").toAbsolutePath());
        assertThat(node.redisUri()).isEmpty();
        assertThat(node.redisChannel()).isEqualTo("weather:readings");
        assertThat(settings.duration(INTERVAL)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theEnvironmentWinsOverTheFileWhichWinsOverTheDefault() throws IOException {
        Path yaml = write("server:\n  host: 0.0.0.0\n  port: 9000\nweather:\n  poll_interval: 5m\n");

        Settings settings = Settings.load(Optional.of(yaml), Map.of("SERVER_PORT", "9100"), TABLE);

        assertThat(settings.required(NODE.serverHost())).isEqualTo("0.0.0.0");
        assertThat(settings.port(NODE.serverPort())).isEqualTo(9100);
        assertThat(settings.duration(INTERVAL)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void onlyTheExactVariableNamesAreRead() {
        // Helidon's automatic mapping would also take these spellings; the fixed table must not.
        Settings settings = Settings.load(Optional.empty(),
                Map.of("SERVER_PORT_", "1", "server.port", "2", "SERVER__PORT", "3", "WEATHER_POLL__INTERVAL", "7"),
                TABLE);

        assertThat(settings.port(NODE.serverPort())).isEqualTo(8080);
        assertThat(settings.duration(INTERVAL)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aBlankVariableCountsAsUnset() {
        Settings settings = Settings.load(Optional.empty(), Map.of("REDIS_URI", "  "), TABLE);

        assertThat(NODE.read(settings).redisUri()).isEmpty();
    }

    @Test
    void aSecretInTheFileIsRefusedNamingItsVariable() throws IOException {
        Path yaml = write("admin:\n  token: abc\n");

        assertThatThrownBy(() -> Settings.load(Optional.of(yaml), Map.of(), TABLE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("admin.token")
                .hasMessageContaining("environment only")
                .hasMessageContaining("ADMIN_TOKEN")
                .hasMessageNotContaining("abc");
    }

    @Test
    void anUnknownKeyThatLooksSecretIsRefusedToo() throws IOException {
        Path yaml = write("cascade:\n  api_secret: CSxyz\n");

        assertThatThrownBy(() -> Settings.load(Optional.of(yaml), Map.of(), TABLE))
                .hasMessageContaining("cascade.api_secret in config file").hasMessageContaining("looks like a secret");
    }

    @Test
    void secretsAreReadFromTheEnvironmentAndNeverShownInMessages() {
        Settings settings = Settings.load(Optional.empty(), Map.of("ADMIN_TOKEN", "s3cr3t"), TABLE);

        assertThat(settings.text(TOKEN)).contains("s3cr3t");
        assertThat(settings.invalid(TOKEN, "bad").getMessage()).doesNotContain("s3cr3t").startsWith("ADMIN_TOKEN");
    }

    @Test
    void unknownKeysAreReportedNotFatal() throws IOException {
        Path yaml = write("cascade:\n  enabled: true\n  node_type: child\nserver:\n  port: 1\n");

        Settings settings = Settings.load(Optional.of(yaml), Map.of(), TABLE);

        assertThat(settings.unknownKeys()).containsExactly("cascade.enabled", "cascade.node_type");
    }

    @Test
    void badValuesAreNamedWithTheirOrigin() throws IOException {
        Path yaml = write("server:\n  port: 70000\n");
        Settings fromFile = Settings.load(Optional.of(yaml), Map.of(), TABLE);
        Settings fromEnv = Settings.load(Optional.empty(), Map.of("WEATHER_POLL_INTERVAL", "5x",
                "CASCADE_PARENT_URL", "ftp://x", "SERVER_PORT", "http"), TABLE);

        assertThatThrownBy(() -> fromFile.port(NODE.serverPort()))
                .hasMessage("SERVER_PORT (server.port)='70000' (from config file '" + yaml + "'): must be a port "
                        + "number from 0 to 65535 (0 = any free port)");
        assertThatThrownBy(() -> fromEnv.duration(INTERVAL))
                .hasMessageStartingWith("WEATHER_POLL_INTERVAL (weather.poll_interval)='5x' (from the environment)");
        assertThatThrownBy(() -> fromEnv.httpUrl(PARENT)).hasMessageContaining("must be an http:// or https:// URL");
        assertThatThrownBy(() -> fromEnv.port(NODE.serverPort())).hasMessageContaining("port number");
    }

    @Test
    void urlsLoseTheirTrailingSlashAndRequiredOnesSayHowToSetThem() {
        Settings settings = Settings.load(Optional.empty(), Map.of("CASCADE_PARENT_URL", "http://m:8080/"), TABLE);
        Settings empty = Settings.load(Optional.empty(), Map.of(), TABLE);

        assertThat(settings.httpUrl(PARENT)).contains(URI.create("http://m:8080"));
        assertThatThrownBy(() -> empty.required(PARENT))
                .hasMessage("CASCADE_PARENT_URL is required: set it in the environment or as cascade.parent_url "
                        + "in the config file");
    }

    @Test
    void aYamlListIsReadAsACommaList() throws IOException {
        Setting cities = Setting.of("weather.cities", "WEATHER_CITIES", null, "x");
        Path yaml = write("weather:\n  cities:\n    - Beijing\n    - Tokyo@35.7,139.7\n");

        Settings settings = Settings.load(Optional.of(yaml), Map.of(), List.of(cities));

        assertThat(settings.text(cities)).contains("Beijing,Tokyo@35.7,139.7");
    }

    @Test
    void aYamlListOfTwentyThousandCitiesIsRead() throws IOException {
        Setting cities = Setting.of("weather.cities", "WEATHER_CITIES", null, "x");
        StringBuilder yaml = new StringBuilder("weather:\n  cities:\n");
        for (int i = 0; i < 20_000; i++) {
            yaml.append("    - \"city-").append(i).append("@1.5,2.5\"\n");
        }

        Settings settings = Settings.load(Optional.of(write(yaml.toString())), Map.of(), List.of(cities));

        assertThat(settings.text(cities).orElseThrow().split(",")).hasSize(40_000)
                .startsWith("city-0@1.5", "2.5").endsWith("city-19999@1.5", "2.5");
    }

    @Test
    void valuesAreReadAsWrittenSaveYamlsBooleansAndNullIsUnset() throws IOException {
        Setting interval = Setting.of("weather.poll_interval", "WEATHER_POLL_INTERVAL", "60", "x");
        Setting port = Setting.of("server.port", "SERVER_PORT", "8080", "x");
        Setting cities = Setting.of("weather.cities", "WEATHER_CITIES", null, "x");
        Setting metrics = Setting.of("metrics.enabled", "METRICS_ENABLED", "true", "x");
        Setting tracing = Setting.of("tracing.enabled", "TRACING_ENABLED", "true", "x");
        Path yaml = write("server:\n  port: ~\nweather:\n  poll_interval: 010\n  cities: [no, 'null', 1.50]\n"
                + "metrics:\n  enabled: Off\ntracing:\n  enabled: yes\n");

        Settings settings = Settings.load(Optional.of(yaml), Map.of(), List.of(interval, port, cities, metrics,
                tracing));

        assertThat(settings.text(interval)).contains("010");
        assertThat(settings.text(port)).contains("8080");
        assertThat(settings.text(cities)).contains("no,null,1.50");
        assertThat(settings.text(metrics)).contains("false");
        assertThat(settings.text(tracing)).contains("true");
    }

    @Test
    void aFileThatIsNotAMappingOfSettingsIsAOneLineErrorNamingTheLine() throws IOException {
        Path list = write("- server\n- port\n");
        Path twice = write("server:\n  port: 1\n  host: x\nserver:\n  port: 2\n");
        Path nested = write("weather:\n  cities:\n    - Beijing\n    - name: Tokyo\n");

        assertThatThrownBy(() -> Settings.load(Optional.of(list), Map.of(), TABLE))
                .isInstanceOf(ConfigException.class).hasMessageEndingWith("is not a mapping of settings (like "
                        + "'server:' then '  port: 8080') (line 1)");
        assertThatThrownBy(() -> Settings.load(Optional.of(twice), Map.of(), TABLE))
                .isInstanceOf(ConfigException.class).hasMessageEndingWith(": server.port is set twice (line 5)");
        assertThatThrownBy(() -> Settings.load(Optional.of(nested), Map.of(), TABLE))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith(": weather.cities must be a list of values (line 4)");
    }

    @Test
    void anEmptyFileSetsNothing() throws IOException {
        Settings settings = Settings.load(Optional.of(write("# nothing yet\n")), Map.of(), TABLE);

        assertThat(settings.unknownKeys()).isEmpty();
    }

    @Test
    void aMissingOrBrokenFileIsAOneLineError() throws IOException {
        Path broken = write("server:\n  port: [1,\n  host: x\n");

        assertThatThrownBy(() -> Settings.load(Optional.of(dir.resolve("nope.yaml")), Map.of(), TABLE))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> Settings.load(Optional.of(broken), Map.of(), TABLE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML")
                .hasMessageContaining("(line ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        Path deep = write("a:\n" + nestedDeeper(200));
        assertThatThrownBy(() -> Settings.load(Optional.of(deep), Map.of(), TABLE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("not valid YAML")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void badDatabaseAndRedisUrlsAreRefused() {
        Settings db = Settings.load(Optional.empty(), Map.of("DB_URL", "postgres://x"), TABLE);
        Settings redis = Settings.load(Optional.empty(), Map.of("REDIS_URI", "http://x"), TABLE);
        Settings host = Settings.load(Optional.empty(), Map.of("SERVER_HOST", "a b"), TABLE);

        assertThatThrownBy(() -> NODE.read(db)).hasMessageContaining("DB_URL");
        assertThatThrownBy(() -> NODE.read(redis)).hasMessageContaining("REDIS_URI");
        assertThatThrownBy(() -> NODE.read(host)).hasMessageContaining("SERVER_HOST");
    }

    @Test
    void theNodeConfigNeverPrintsThePassword() {
        Settings settings = Settings.load(Optional.empty(), Map.of("DB_PASSWORD", "hunter2",
                "REDIS_URI", "redis://:pw@localhost:6379"), TABLE);

        assertThat(NODE.read(settings).toString()).doesNotContain("hunter2").doesNotContain(":pw@");
    }

    @Test
    void aSentinelUriIsAcceptedAndLoggedWithoutItsPassword() {
        Settings settings = Settings.load(Optional.empty(), Map.of("REDIS_URI",
                "redis-sentinel://app:s3cret@10.0.0.1:26379,10.0.0.2:26379/?sentinelMasterId=weather"), TABLE);

        NodeConfig node = NODE.read(settings);

        assertThat(node.redisUri()).isPresent();
        assertThat(node.redisForLog()).contains(
                "redis-sentinel://***@10.0.0.1:26379,10.0.0.2:26379/?sentinelMasterId=weather");
        assertThat(node.toString()).doesNotContain("s3cret");
    }

    /** {@code levels} mappings, each inside the one before. */
    private static String nestedDeeper(int levels) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 1; i <= levels; i++) {
            yaml.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        return yaml.append("  ".repeat(levels + 1)).append("v: 1\n").toString();
    }

    private Path write(String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "node", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
