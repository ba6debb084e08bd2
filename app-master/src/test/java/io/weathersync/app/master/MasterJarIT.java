package io.weathersync.app.master;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged {@code target/app-master.jar} run as a process: the run contract of DESIGN "Running a node". */
class MasterJarIT {

    private static final Path JAR = Path.of("target", "app-master.jar");
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration EXIT = Duration.ofSeconds(30);

    private final List<NodeProcess> processes = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (NodeProcess process : processes) {
            process.close();
        }
    }

    @Test
    void helpListsEveryVariableWithItsDefaultAndExitsZero() throws Exception {
        NodeProcess node = run(Map.of(), "--help");

        assertThat(node.awaitExit(EXIT)).isZero();
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
    void anUnknownOptionExitsTwoWithOneErrorLine() throws Exception {
        NodeProcess node = run(Map.of(), "--port", "1");

        assertThat(node.awaitExit(EXIT)).isEqualTo(2);
        assertThat(node.stderr()).containsExactly("error: unknown option '--port' (see --help)");
    }

    @Test
    void aSecretInTheYamlFileIsRefused() throws Exception {
        Path yaml = Files.writeString(dir.resolve("master.yaml"), "server:\n  port: 0\nadmin:\n  token: s3cr3t\n");

        NodeProcess node = run(env(), "--config", yaml.toString());

        assertThat(node.awaitExit(EXIT)).isEqualTo(2);
        assertThat(node.stderr()).singleElement().asString()
                .startsWith("error: admin.token in config file")
                .contains("environment only", "ADMIN_TOKEN")
                .doesNotContain("s3cr3t");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void badValuesAreRefusedWithOneLineNamingTheVariable() throws Exception {
        Map<String, String> badDuration = env();
        badDuration.put("WEATHER_POLL_INTERVAL", "5x");
        Map<String, String> badSource = env();
        badSource.put("WEATHER_SOURCE", "weather-channel");
        Map<String, String> badCity = env();
        badCity.put("WEATHER_CITIES", "Paris@48.8");

        NodeProcess duration = run(badDuration);
        NodeProcess source = run(badSource);
        NodeProcess city = run(badCity);

        assertThat(duration.awaitExit(EXIT)).isEqualTo(2);
        assertThat(duration.stderr()).singleElement().asString()
                .startsWith("error: WEATHER_POLL_INTERVAL (weather.poll_interval)='5x' (from the environment)");
        assertThat(source.awaitExit(EXIT)).isEqualTo(2);
        assertThat(source.stderr()).singleElement().asString().startsWith("error: WEATHER_SOURCE")
                .contains("open-meteo, openweathermap, simulated");
        assertThat(city.awaitExit(EXIT)).isEqualTo(2);
        assertThat(city.stderr()).singleElement().asString().startsWith("error: WEATHER_CITIES");
    }

    @Test
    void startsOnAFreePortServesHealthPollsAndStopsCleanlyOnSigterm() throws Exception {
        Map<String, String> env = env();
        env.put("WEATHER_CITIES", "Beijing,Paris@48.85,2.35");
        env.put("WEATHER_POLL_INTERVAL", "1");
        NodeProcess node = run(env);

        String url = node.awaitListening(START);
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+").isNotEqualTo("http://127.0.0.1:0");
        HttpResponse<String> health = get(url + "/api/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).containsPattern("\"status\"\\s*:\\s*\"ok\"");
        assertThat(node.awaitLine(line -> line.contains("SIMULATED data"), START)).isPresent();
        assertThat(node.awaitLine(line -> line.contains("poll: 2 readings"), START)).isPresent();
        assertThat(get(url + "/api/weather/latest?city=Paris").statusCode()).isEqualTo(200);
        assertThat(dir.resolve("data").resolve("master-signing-key")).isRegularFile();

        node.terminate();

        assertThat(node.awaitExit(EXIT)).isZero();
        assertThat(node.stdout()).anyMatch(line -> line.endsWith(" - stopped"));
        assertThat(node.stdout()).filteredOn(line -> line.contains("listening on")).hasSize(1);
    }

    @Test
    void aPortInUseFailsTheStartWithOneErrorLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> env = env();
            env.put("SERVER_PORT", Integer.toString(taken.getLocalPort()));

            NodeProcess node = run(env);

            assertThat(node.awaitExit(START)).isEqualTo(1);
            assertThat(node.stderr()).singleElement().asString()
                    .startsWith("error: cannot start: the web server could not listen on 127.0.0.1:"
                            + taken.getLocalPort());
            assertThat(node.stdout()).noneMatch(line -> line.contains("listening on"));
        }
    }

    @Test
    void restartKeepsTheStreamAndTheSigningKey() throws Exception {
        NodeProcess first = run(env());
        String url = first.awaitListening(START);
        String digest = get(url + "/api/dms/digest").body();
        String key = Files.readString(dir.resolve("data").resolve("master-signing-key"));
        first.terminate();
        assertThat(first.awaitExit(EXIT)).isZero();

        NodeProcess second = run(env());
        String again = second.awaitListening(START);

        assertThat(streamOf(get(again + "/api/dms/digest").body())).isEqualTo(streamOf(digest)).isNotEmpty();
        assertThat(Files.readString(dir.resolve("data").resolve("master-signing-key"))).isEqualTo(key);
    }

    private static String streamOf(String digestJson) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"stream\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(digestJson);
        return m.find() ? m.group(1) : "";
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", "0");
        env.put("DATA_DIR", dir.resolve("data").toString());
        env.put("WEATHER_SOURCE", "simulated");
        return env;
    }

    private NodeProcess run(Map<String, String> env, String... args) throws IOException {
        NodeProcess process = NodeProcess.start(JAR, env, args);
        processes.add(process);
        return process;
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
