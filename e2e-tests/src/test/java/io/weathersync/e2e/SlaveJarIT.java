package io.weathersync.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged {@code app-slave.jar} run as a process: the run contract of DESIGN "Running a node". */
class SlaveJarIT {

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
    void helpListsEveryVariableAndMarksTheSecretAndExitsZero() {
        NodeProcess node = node("help", Map.of());

        assertThat(node.run(EXIT, "--help")).isZero();
        assertThat(String.join("\n", node.stdout())).contains("SERVER_HOST", "SERVER_PORT", "DATA_DIR", "DB_URL",
                "DB_USER", "DB_PASSWORD", "REDIS_URI", "REDIS_CHANNEL", "CASCADE_PARENT_URL", "CASCADE_API_KEY",
                "CASCADE_API_SECRET", "CASCADE_SYNC_INTERVAL", "CASCADE_HEARTBEAT_INTERVAL", "./data/slave",
                "[default: 8081]");
        assertThat(node.stdout()).filteredOn(line -> line.startsWith("CASCADE_API_SECRET"))
                .singleElement().asString().contains("secret, environment only");
    }

    @Test
    void aMissingParentUrlExitsTwoWithOneErrorLine() {
        Map<String, String> env = env(1);
        env.remove("CASCADE_PARENT_URL");
        NodeProcess node = node("no-parent", env);

        assertThat(node.run(EXIT)).isEqualTo(2);
        assertThat(node.stderr()).singleElement().asString().startsWith("error: CASCADE_PARENT_URL is required");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void malformedCredentialsExitTwoWithoutEchoingTheSecret() {
        Map<String, String> env = env(1);
        env.put("CASCADE_API_SECRET", "not-a-secret");
        NodeProcess node = node("bad-secret", env);

        assertThat(node.run(EXIT)).isEqualTo(2);
        assertThat(node.stderr()).singleElement().asString().startsWith("error: CASCADE_API_SECRET")
                .doesNotContain("not-a-secret");
    }

    @Test
    void theSecretInTheYamlFileIsRefused() throws Exception {
        Path yaml = Files.writeString(dir.resolve("slave.yaml"), "cascade:\n  api_secret: CS" + "x".repeat(32) + "\n");
        NodeProcess node = node("yaml-secret", env(1));

        assertThat(node.run(EXIT, "--config", yaml.toString())).isEqualTo(2);
        assertThat(node.stderr()).singleElement().asString().startsWith("error: cascade.api_secret in config file")
                .contains("CASCADE_API_SECRET").doesNotContain("x".repeat(32));
    }

    @Test
    void startsWhileItsMasterIsAwayServesHealthAndStopsCleanlyOnSigterm() {
        // a port nothing listens on: the master is away
        NodeProcess node = node("slave", env(FreePorts.pick()));

        node.start(START);

        String url = node.url();
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+").isNotEqualTo("http://127.0.0.1:0");
        JsonHttp.Reply health = JsonHttp.get(url + "/api/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.raw().body()).containsPattern("\"status\"\\s*:\\s*\"ok\"");
        assertThat(node.awaitLine(line -> line.contains("heartbeat failed"), START)).isPresent();

        assertThat(node.stop(EXIT)).isZero();
        assertThat(node.stdout()).anyMatch(line -> line.endsWith(" - stopped"));
        assertThat(node.stdout()).filteredOn(line -> line.contains("listening on")).hasSize(1);
    }

    /** The run-contract variables of these tests: port 0, its own data directory, a master at {@code masterPort}. */
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

    /** The slave jar, its URL read from its output (env sets the port), stdout and stderr apart in the test's dir. */
    private NodeProcess node(String name, Map<String, String> env) {
        Path logs = dir.resolve("logs");
        NodeProcess node = new NodeProcess(name, Jars.slave(), 0, env, logs.resolve(name + ".out"),
                logs.resolve(name + ".err"));
        nodes.add(node);
        return node;
    }
}
