package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.adapter.http.server.TestServer.Reply;
import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.IssuedCredential;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.weathersync.adapter.http.server.MasterFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/dms/status} (seed 001's exact shape) and {@code GET /api/health}. */
class StatusAndHealthRoutesTest {

    private static final List<String> NODE_KEYS = List.of("name", "role", "host", "port", "status", "uptime",
            "tasks_count", "last_sync", "sync_delay", "lag_changes", "problem");
    private static final MasterFixture MASTER = new MasterFixture();
    private static final AtomicBoolean REDIS_UP = new AtomicBoolean(true);
    private static final AtomicBoolean STORE_UP = new AtomicBoolean(true);
    private static TestServer server;

    @BeforeAll
    static void start() {
        MASTER.log.append(MasterFixture.hourly("Beijing", 10));
        IssuedCredential backup1 = MASTER.slave("backup1");
        MASTER.slave("backup2");
        MASTER.status.heartbeat(MASTER.nodes.find(backup1.nodeId()).orElseThrow().node(), new Heartbeat(MASTER.log.stream(),
                7, NOW.minusSeconds(5), Duration.ofSeconds(3600), "0.1.0", "backup1.example.com", 11183));
        server = TestServer.start(routing -> MasterApi.register(routing, MASTER.deps(
                Optional.of(MasterFixture.ADMIN_TOKEN), AuthThrottle.standard(MASTER.clock),
                List.of(HealthCheck.of("store", STORE_UP::get), HealthCheck.nonCritical("redis", REDIS_UP::get),
                        HealthCheck.notConfigured("push")))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void statusIsSeed001sFormatWithTheMasterFirst() {
        Reply reply = server.get("/api/dms/status");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.keys()).containsExactly("nodes", "total_nodes", "online_nodes");
        assertThat(reply.header("X-Node-Role")).isEqualTo("master");
        assertThat(reply.json().get("total_nodes").asInt()).isEqualTo(3);
        assertThat(reply.json().get("online_nodes").asInt()).isEqualTo(2);
        JsonNode master = reply.json().get("nodes").get(0);
        assertThat(Reply.keys(master)).containsExactlyElementsOf(NODE_KEYS);
        assertThat(master.get("name").asText()).isEqualTo("master");
        assertThat(master.get("role").asText()).isEqualTo("master");
        assertThat(master.get("status").asText()).isEqualTo("running");
        assertThat(master.get("uptime").asLong()).isEqualTo(3600);
        assertThat(master.get("tasks_count").asInt()).isEqualTo(3);
        assertThat(master.get("sync_delay").isNull()).isTrue();
        assertThat(master.get("lag_changes").asLong()).isZero();
    }

    @Test
    void statusShowsEachSlavesStateLagAndLastSync() {
        JsonNode nodes = server.get("/api/dms/status").json().get("nodes");

        JsonNode backup1 = nodes.get(1);
        assertThat(Reply.keys(backup1)).containsExactlyElementsOf(NODE_KEYS);
        assertThat(backup1.get("name").asText()).isEqualTo("backup1");
        assertThat(backup1.get("role").asText()).isEqualTo("slave");
        assertThat(backup1.get("host").asText()).isEqualTo("backup1.example.com");
        assertThat(backup1.get("port").asInt()).isEqualTo(11183);
        assertThat(backup1.get("status").asText()).isEqualTo("running");
        assertThat(backup1.get("last_sync").asText()).isEqualTo(NOW.minusSeconds(5).toString());
        assertThat(backup1.get("sync_delay").asLong()).isEqualTo(5);
        assertThat(backup1.get("lag_changes").asLong()).isEqualTo(3);
        JsonNode backup2 = nodes.get(2);
        assertThat(backup2.get("status").asText()).isEqualTo("offline");
        assertThat(backup2.get("last_sync").isNull()).isTrue();
        assertThat(backup2.get("host").asText()).isEqualTo("backup2.local");
    }

    @Test
    void healthIsOkWithEveryComponentNamed() {
        REDIS_UP.set(true);

        Reply reply = server.get("/api/health");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.keys()).containsExactly("status", "components");
        assertThat(reply.json().get("status").asText()).isEqualTo("ok");
        assertThat(reply.json().get("components").toString())
                .isEqualTo("{\"store\":\"up\",\"redis\":\"up\",\"push\":\"not configured\"}");
    }

    @Test
    void aFailingCriticalComponentMakesHealthA503Down() {
        STORE_UP.set(false);
        try {
            Reply reply = server.get("/api/health");

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.json().get("status").asText()).isEqualTo("down");
            assertThat(reply.json().get("components").get("store").asText()).isEqualTo("down");
            assertThat(reply.json().get("components").get("redis").asText()).isEqualTo("up");
        } finally {
            STORE_UP.set(true);
        }
    }

    @Test
    void aFailingNonCriticalComponentLeavesTheNodeUpButDegraded() {
        REDIS_UP.set(false);
        try {
            Reply reply = server.get("/api/health");

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("status").asText()).isEqualTo("degraded");
            assertThat(reply.json().get("components").get("redis").asText()).isEqualTo("down");
            assertThat(reply.json().get("components").get("store").asText()).isEqualTo("up");
        } finally {
            REDIS_UP.set(true);
        }
    }

    @Test
    void aThrowingCheckCountsAsDown() {
        MasterFixture master = new MasterFixture();
        try (TestServer broken = TestServer.start(routing -> MasterApi.register(routing, master.deps(Optional.empty(),
                AuthThrottle.standard(master.clock), List.of(HealthCheck.of("store", () -> {
                    throw new IllegalStateException("connection refused");
                })))))) {
            Reply reply = broken.get("/api/health");

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.json().get("components").get("store").asText()).isEqualTo("down");
            assertThat(reply.body()).doesNotContain("refused");
        }
    }
}
