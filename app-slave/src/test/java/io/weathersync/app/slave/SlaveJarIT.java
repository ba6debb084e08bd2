package io.weathersync.app.slave;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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

/** The packaged {@code target/app-slave.jar} run as a process: the run contract of DESIGN "Running a node". */
class SlaveJarIT {

    private static final Path JAR = Path.of("target", "app-slave.jar");
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
    void helpListsEveryVariableAndMarksTheSecretAndExitsZero() throws Exception {
        NodeProcess node = run(Map.of(), "--help");

        assertThat(node.awaitExit(EXIT)).isZero();
        assertThat(String.join("\n", node.stdout())).contains("SERVER_HOST", "SERVER_PORT", "DATA_DIR", "DB_URL",
                "DB_USER", "DB_PASSWORD", "REDIS_URI", "REDIS_CHANNEL", "CASCADE_PARENT_URL", "CASCADE_API_KEY",
                "CASCADE_API_SECRET", "CASCADE_SYNC_INTERVAL", "CASCADE_HEARTBEAT_INTERVAL", "./data/slave",
                "[default: 8081]");
        assertThat(node.stdout()).filteredOn(line -> line.startsWith("CASCADE_API_SECRET"))
                .singleElement().asString().contains("secret, environment only");
    }

    @Test
    void aMissingParentUrlExitsTwoWithOneErrorLine() throws Exception {
        Map<String, String> env = env(1);
        env.remove("CASCADE_PARENT_URL");

        NodeProcess node = run(env);

        assertThat(node.awaitExit(EXIT)).isEqualTo(2);
        assertThat(node.stderr()).singleElement().asString().startsWith("error: CASCADE_PARENT_URL is required");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void malformedCredentialsExitTwoWithoutEchoingTheSecret() throws Exception {
        Map<String, String> env = env(1);
        env.put("CASCADE_API_SECRET", "not-a-secret");

        NodeProcess node = run(env);

        assertThat(node.awaitExit(EXIT)).isEqualTo(2);
        assertThat(node.stderr()).singleElement().asString().startsWith("error: CASCADE_API_SECRET")
                .doesNotContain("not-a-secret");
    }

    @Test
    void theSecretInTheYamlFileIsRefused() throws Exception {
        Path yaml = Files.writeString(dir.resolve("slave.yaml"), "cascade:\n  api_secret: CS" + "x".repeat(32) + "\n");

        NodeProcess node = run(env(1), "--config", yaml.toString());

        assertThat(node.awaitExit(EXIT)).isEqualTo(2);
        assertThat(node.stderr()).singleElement().asString().startsWith("error: cascade.api_secret in config file")
                .contains("CASCADE_API_SECRET").doesNotContain("x".repeat(32));
    }

    @Test
    void startsWhileItsMasterIsAwayServesHealthAndStopsCleanlyOnSigterm() throws Exception {
        NodeProcess node = run(env(freePort()));

        String url = node.awaitListening(START);
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+").isNotEqualTo("http://127.0.0.1:0");
        HttpResponse<String> health = get(url + "/api/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).containsPattern("\"status\"\\s*:\\s*\"ok\"");
        assertThat(node.awaitLine(line -> line.contains("heartbeat failed"), START)).isPresent();

        node.terminate();

        assertThat(node.awaitExit(EXIT)).isZero();
        assertThat(node.stdout()).anyMatch(line -> line.endsWith(" - stopped"));
        assertThat(node.stdout()).filteredOn(line -> line.contains("listening on")).hasSize(1);
    }

    /** A port nothing listens on: the master is away. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Map<String, String> env(int masterPort) {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", "0");
        env.put("DATA_DIR", dir.resolve("data").toString());
        env.put("CASCADE_PARENT_URL", "http://127.0.0.1:" + masterPort);
        env.put("CASCADE_API_KEY", "CN" + "a".repeat(32));
        env.put("CASCADE_API_SECRET", "CS" + "b".repeat(32));
        env.put("CASCADE_HEARTBEAT_INTERVAL", "1");
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
