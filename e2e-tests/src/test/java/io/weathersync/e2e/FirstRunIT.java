package io.weathersync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A first run as the README leads a newcomer through it, on the real jars: a master and a slave started with
 * {@code config/master.example.yaml} and {@code config/slave.example.yaml} (the environment adding only a free
 * port, a data directory and the secrets) converge; a heartbeat without a body, as seed 002's client sends it,
 * changes nothing the master knows of the slave; and once its credentials are re-issued the slave keeps serving but
 * says, in its health and its status, why it is degraded.
 */
class FirstRunIT {

    private static final Path CONFIG = Path.of(System.getProperty("e2e.outputDir", "target")).toAbsolutePath()
            .getParent().getParent().resolve("config");
    private static final Duration START = Duration.ofSeconds(90);
    private static final String ADMIN_TOKEN = "first-run-token";

    private final List<NodeProcess> nodes = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        nodes.forEach(NodeProcess::stopQuietly);
    }

    @Test
    void theExampleFilesRunAMasterAndASlaveThatConvergeThenTellABodilessHeartbeatAndRevokedCredentialsApart() {
        NodeProcess master = node("master", Jars.master(), Map.of("SERVER_PORT", "0",
                "DATA_DIR", dir.resolve("master").toString(), "ADMIN_TOKEN", ADMIN_TOKEN));
        master.start(START, "--config", CONFIG.resolve("master.example.yaml").toString());
        AdminApi admin = new AdminApi(master.url(), ADMIN_TOKEN);
        int slavePort = FreePorts.pick();
        AdminApi.Credentials credentials = admin.provision("example-slave", "started with config/slave.example.yaml",
                "http://127.0.0.1:" + slavePort);
        NodeProcess slave = node("slave", Jars.slave(), Map.of("SERVER_PORT", Integer.toString(slavePort),
                "DATA_DIR", dir.resolve("slave").toString(), "CASCADE_PARENT_URL", master.url(),
                "CASCADE_API_KEY", credentials.apiKey(), "CASCADE_API_SECRET", credentials.apiSecret()));
        slave.start(START, "--config", CONFIG.resolve("slave.example.yaml").toString());
        assertThat(master.awaitLine(line -> line.contains("poll: 4 readings"), START)).isPresent();
        Convergence.await(master, List.of(master, slave), START);
        for (NodeProcess node : nodes) {
            assertThat(node.stdout()).as(node.name() + ": every key of its example file is a setting")
                    .noneMatch(line -> line.contains("ignoring"));
            assertThat(JsonHttp.get(node.url() + "/api/health").body().path("status").asText()).isEqualTo("ok");
        }

        JsonNode before = awaitSlaveLine(master, line -> line.path("lag_changes").asLong(-1) == 0);
        JsonHttp.Reply bodiless = JsonHttp.post(master.url() + "/api/v1/cascade/heartbeat",
                "AK-SK " + credentials.apiKey() + ":" + credentials.apiSecret(), null);
        JsonNode after = slaveLine(master);
        assertThat(bodiless.status()).as(bodiless.body().toString()).isEqualTo(200);
        // Before the fix this showed the slave at seq 0 of no stream: degraded, lagging the whole log, uptime 0.
        assertThat(after.path("lag_changes").asLong()).isZero();
        assertThat(after.path("status").asText()).isEqualTo("running");
        assertThat(after.path("uptime").asLong()).isGreaterThanOrEqualTo(before.path("uptime").asLong()).isPositive();

        admin.reissue(credentials.nodeId());
        JsonNode health = awaitDegraded(slave);
        assertThat(health.path("problems").path("credentials").asText())
                .contains("HTTP 401").contains("CASCADE_API_KEY and CASCADE_API_SECRET");
        JsonNode own = JsonHttp.get(slave.url() + "/api/dms/status").body().path("nodes").get(1);
        assertThat(own.path("status").asText()).isEqualTo("degraded");
        assertThat(own.path("problem").asText()).contains("HTTP 401");
        assertThat(JsonHttp.get(slave.url() + "/api/weather/latest?city=Tokyo").status()).as("it still serves")
                .isEqualTo(200);
    }

    private static JsonNode slaveLine(NodeProcess master) {
        for (JsonNode node : JsonHttp.get(master.url() + "/api/dms/status").body().path("nodes")) {
            if (node.path("name").asText().equals("example-slave")) {
                return node;
            }
        }
        throw new AssertionError("the master's status has no line for example-slave");
    }

    /** The slave's line in the master's status once {@code wanted} holds (a heartbeat reported it); bounded. */
    private static JsonNode awaitSlaveLine(NodeProcess master, Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + START.toNanos();
        JsonNode line = slaveLine(master);
        while (!wanted.test(line)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the master's line of the slave never got there; last: " + line);
            }
            Cluster.sleep(Duration.ofMillis(200));
            line = slaveLine(master);
        }
        return line;
    }

    /** The slave's health once it says degraded (its next heartbeat is refused); fails after {@link #START}. */
    private static JsonNode awaitDegraded(NodeProcess slave) {
        long deadline = System.nanoTime() + START.toNanos();
        Optional<JsonNode> health = Optional.empty();
        while (System.nanoTime() < deadline) {
            JsonNode body = JsonHttp.get(slave.url() + "/api/health").body();
            if (body.path("status").asText().equals("degraded")) {
                return body;
            }
            health = Optional.of(body);
            Cluster.sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("the slave's health never said degraded; last: " + health.orElse(null));
    }

    private NodeProcess node(String name, Path jar, Map<String, String> env) {
        Path logs = dir.resolve("logs");
        NodeProcess node = new NodeProcess(name, jar, 0, env, logs.resolve(name + ".out"), logs.resolve(name + ".err"));
        nodes.add(node);
        return node;
    }
}
