package io.weathersync.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged {@code app-master.jar} run as a process: the run contract of DESIGN "Running a node". */
class MasterJarIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration EXIT = Duration.ofSeconds(30);

    private final List<NodeProcess> nodes = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stopLeftovers() {
        nodes.forEach(NodeProcess::stopQuietly);
    }

    @Test
    void helpListsEveryVariableWithItsDefaultAndExitsZero() {
        NodeProcess node = node("help", Map.of());

        assertThat(node.run(EXIT, "--help")).isZero();
        String help = String.join("\n", node.stdout());
        assertThat(help).contains("--config FILE.yaml", "SERVER_HOST", "SERVER_PORT", "DATA_DIR", "DB_URL", "DB_USER",
                "DB_PASSWORD", "REDIS_URI", "REDIS_CHANNEL", "WEATHER_SOURCE", "WEATHER_CITIES",
                "WEATHER_POLL_INTERVAL", "OPEN_METEO_URL", "OPENWEATHERMAP_URL", "OPENWEATHERMAP_API_KEY",
                "ADMIN_TOKEN", "CASCADE_OFFLINE_AFTER", "./data/master", "[default: 8080]", "weather:readings");
        assertThat(node.stdout()).filteredOn(line -> line.startsWith("ADMIN_TOKEN"))
                .singleElement().asString().contains("secret, environment only");
        assertThat(node.stderr()).isEmpty();
    }

    @Test
    void anUnknownOptionExitsTwoWithOneErrorLine() {
        NodeProcess node = node("unknown-option", Map.of());

        assertThat(node.run(EXIT, "--port", "1")).isEqualTo(2);
        assertThat(node.stderr()).containsExactly("error: unknown option '--port' (see --help)");
    }

    @Test
    void aSecretInTheYamlFileIsRefused() throws Exception {
        Path yaml = Files.writeString(dir.resolve("master.yaml"), "server:\n  port: 0\nadmin:\n  token: s3cr3t\n");
        NodeProcess node = node("yaml-secret", env());

        assertThat(node.run(EXIT, "--config", yaml.toString())).isEqualTo(2);
        assertThat(node.stderr()).singleElement().asString()
                .startsWith("error: admin.token in config file")
                .contains("environment only", "ADMIN_TOKEN")
                .doesNotContain("s3cr3t");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void badValuesAreRefusedWithOneLineNamingTheVariable() {
        Map<String, String> badDuration = env();
        badDuration.put("WEATHER_POLL_INTERVAL", "5x");
        Map<String, String> badSource = env();
        badSource.put("WEATHER_SOURCE", "weather-channel");
        Map<String, String> badCity = env();
        badCity.put("WEATHER_CITIES", "Paris@48.8");

        NodeProcess duration = node("bad-duration", badDuration);
        NodeProcess source = node("bad-source", badSource);
        NodeProcess city = node("bad-city", badCity);

        assertThat(duration.run(EXIT)).isEqualTo(2);
        assertThat(duration.stderr()).singleElement().asString()
                .startsWith("error: WEATHER_POLL_INTERVAL (weather.poll_interval)='5x' (from the environment)");
        assertThat(source.run(EXIT)).isEqualTo(2);
        assertThat(source.stderr()).singleElement().asString().startsWith("error: WEATHER_SOURCE")
                .contains("open-meteo, openweathermap, simulated");
        assertThat(city.run(EXIT)).isEqualTo(2);
        assertThat(city.stderr()).singleElement().asString().startsWith("error: WEATHER_CITIES");
    }

    @Test
    void startsOnAFreePortServesHealthPollsAndStopsCleanlyOnSigterm() {
        Map<String, String> env = env();
        env.put("WEATHER_CITIES", "Beijing,Paris@48.85,2.35");
        env.put("WEATHER_POLL_INTERVAL", "1");
        NodeProcess node = node("master", env);

        node.start(START);

        String url = node.url();
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+").isNotEqualTo("http://127.0.0.1:0");
        JsonHttp.Reply health = JsonHttp.get(url + "/api/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.raw().body()).containsPattern("\"status\"\\s*:\\s*\"ok\"");
        assertThat(node.awaitLine(line -> line.contains("SIMULATED data"), START)).isPresent();
        assertThat(node.awaitLine(line -> line.contains("poll: 2 readings"), START)).isPresent();
        assertThat(JsonHttp.get(url + "/api/weather/latest?city=Paris").status()).isEqualTo(200);
        assertThat(dir.resolve("data").resolve("master-signing-key")).isRegularFile();

        assertThat(node.stop(EXIT)).isZero();
        assertThat(node.stdout()).anyMatch(line -> line.endsWith(" - stopped"));
        assertThat(node.stdout()).filteredOn(line -> line.contains("listening on")).hasSize(1);
    }

    @Test
    void aPortInUseFailsTheStartWithOneErrorLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> env = env();
            env.put("SERVER_PORT", Integer.toString(taken.getLocalPort()));
            NodeProcess node = node("port-in-use", env);

            assertThat(node.run(START)).isEqualTo(1);
            assertThat(node.stderr()).singleElement().asString()
                    .startsWith("error: SERVER_PORT: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("set SERVER_PORT to a free port");
            assertThat(node.stdout()).noneMatch(line -> line.contains("listening on"));
            assertNoStackTrace(node);
        }
    }

    @Test
    void anUnreachableDatabaseFailsTheStartWithOneLineNamingDbUrl() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Map<String, String> env = env();
        env.put("DB_URL", "jdbc:mysql://127.0.0.1:" + closed + "/weather");
        env.put("DB_PASSWORD", "not-shown-anywhere");
        NodeProcess node = node("no-database", env);

        assertThat(node.run(START)).isEqualTo(1);
        assertThat(node.stderr()).singleElement().asString()
                .startsWith("error: DB_URL: cannot connect to jdbc:mysql://127.0.0.1:" + closed + "/weather")
                .contains("Connection refused").doesNotContain("not-shown-anywhere");
        assertNoStackTrace(node);
    }

    @Test
    void aDataDirectoryInUseByAnotherNodeFailsTheStartWithOneLineNamingDataDir() {
        NodeProcess first = node("first", env());
        first.start(START);
        NodeProcess second = node("second", env());

        assertThat(second.run(START)).isEqualTo(1);
        assertThat(second.stderr()).singleElement().asString().startsWith("error: DATA_DIR: ")
                .contains("another node runs on the data directory " + dir.resolve("data"));
        assertNoStackTrace(second);
        assertThat(JsonHttp.get(first.url() + "/api/health").status()).as("the first runs on").isEqualTo(200);
    }

    @Test
    void withLogLevelDebugAFailedStartAlsoLogsItsStackTrace() {
        NodeProcess first = node("first", env());
        first.start(START);
        Map<String, String> env = env();
        env.put("LOG_LEVEL", "debug");
        NodeProcess second = node("second-debug", env);

        assertThat(second.run(START)).isEqualTo(1);
        assertThat(second.stderr()).singleElement().asString().startsWith("error: DATA_DIR: ");
        assertThat(second.stdout()).anyMatch(line -> line.contains("start failed"))
                .anyMatch(line -> line.startsWith("\tat "));
    }

    private static void assertNoStackTrace(NodeProcess node) {
        assertThat(node.stdout()).as("no stack trace without LOG_LEVEL=debug")
                .noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by:"));
    }

    @Test
    void restartKeepsTheStreamAndTheSigningKey() throws Exception {
        NodeProcess node = node("master", env());
        node.start(START);
        String stream = JsonHttp.get(node.url() + "/api/dms/digest").body().path("stream").asText();
        String key = Files.readString(dir.resolve("data").resolve("master-signing-key"));
        assertThat(node.stop(EXIT)).isZero();

        node.start(START);

        assertThat(JsonHttp.get(node.url() + "/api/dms/digest").body().path("stream").asText())
                .isEqualTo(stream).isNotEmpty();
        assertThat(Files.readString(dir.resolve("data").resolve("master-signing-key"))).isEqualTo(key);
    }

    /** The run-contract variables of these tests: port 0, a data directory of the test's own, simulated weather. */
    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", "0");
        env.put("DATA_DIR", dir.resolve("data").toString());
        env.put("WEATHER_SOURCE", "simulated");
        return env;
    }

    /** The master jar, its URL read from its output (env sets the port), stdout and stderr apart in the test's dir. */
    private NodeProcess node(String name, Map<String, String> env) {
        Path logs = dir.resolve("logs");
        NodeProcess node = new NodeProcess(name, Jars.master(), 0, env, logs.resolve(name + ".out"),
                logs.resolve(name + ".err"));
        nodes.add(node);
        return node;
    }
}
