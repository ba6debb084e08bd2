package io.weathersync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write that cannot complete fails within its bound (issue 14): another client holds the master's head row
 * locked in its MariaDB database, a {@code POST /api/publish} answers 503 within the store's bound with one log
 * line, {@code /api/health} reports the store {@code degraded} while that lasts, and all is well again once the
 * lock is gone. (The embedded H2 file cannot be locked from outside the master; its bound is tested in
 * port-adapters-mysql.)
 */
class StuckWriteIT {

    private static final String TOKEN = "stuck-write-admin";
    /** The store's bound is 15 s, MariaDB's lock wait 10 s (innodb_lock_wait_timeout of the master's sessions). */
    private static final Duration BOUND = Duration.ofSeconds(16);

    private NodeProcess master;
    private TestDatabase database;

    @Test
    void aPublishWaitingOnALockedHeadFailsWithin503AndHealthShowsTheStoreDegraded() throws Exception {
        database = TestDatabase.create();
        Path dir = Path.of(System.getProperty("e2e.outputDir", "target")).resolve("stuck-write");
        Cluster.deleteTree(dir);
        int port = FreePorts.pick();
        Map<String, String> env = NodeEnvironment.master(port, dir.resolve("master"), TOKEN, null, null);
        env.put("DB_URL", database.jdbcUrl());
        env.put("DB_USER", database.user());
        master = new NodeProcess("master", Jars.master(), port, env, dir.resolve("master.log"));
        master.start(Cluster.START_BOUND);
        assertThat(publish(0).status()).isEqualTo(200);

        try (Connection holder = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
             Statement statement = holder.createStatement()) {
            holder.setAutoCommit(false);
            statement.executeQuery("SELECT head FROM log_meta WHERE id = 1 FOR UPDATE").close();

            long start = System.nanoTime();
            CompletableFuture<JsonHttp.Reply> stuck = CompletableFuture.supplyAsync(() -> publish(1));
            Cluster.sleep(Duration.ofSeconds(7));
            JsonNode during = health();
            JsonHttp.Reply reply = stuck.get();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            JsonNode after = health();
            System.out.printf("[e2e] stuck write: POST /api/publish answered %d after %d ms: %s%n  health after 7 s: %s"
                    + "%n  health after the failure: %s%n  master log: %s%n", reply.status(), took.toMillis(),
                    reply.body(), during, after, master.stdout().stream().filter(l -> l.contains("/api/publish failed"))
                            .toList());

            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.body().path("error").asText()).startsWith("store unavailable, try again later: store:");
            assertThat(took).isLessThan(BOUND);
            assertThat(during.path("components").path("store").asText()).isEqualTo("degraded");
            assertThat(during.path("problems").path("store").asText()).contains("write transaction has been running");
            assertThat(after.path("status").asText()).isEqualTo("degraded");
            assertThat(after.path("problems").path("store").asText()).isNotEmpty();
            assertThat(master.stdout()).filteredOn(l -> l.contains("POST /api/publish failed: store:")).hasSize(1);
            holder.rollback();
        }

        assertThat(publish(2).status()).isEqualTo(200);
        JsonNode healed = health();
        assertThat(healed.path("status").asText()).isEqualTo("ok");
        assertThat(healed.path("components").path("store").asText()).isEqualTo("up");
    }

    private JsonHttp.Reply publish(int minute) {
        Map<String, Object> reading = Map.of("city", "Stuckville", "temp", 20.5, "humidity", 50, "timestamp",
                Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(minute)).toString());
        return JsonHttp.post(master.url() + "/api/publish", "Bearer " + TOKEN, List.of(reading), Duration.ofSeconds(30));
    }

    private JsonNode health() {
        return JsonHttp.get(master.url() + "/api/health").body();
    }

    @AfterEach
    void stop() {
        if (master != null) {
            master.stopQuietly();
        }
        if (database != null) {
            database.close();
        }
    }
}
