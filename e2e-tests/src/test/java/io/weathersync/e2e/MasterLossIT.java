package io.weathersync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The master is no single point of loss, on real processes (HTTP push, every node on H2): when the master comes
 * back with an empty store, the slaves keep their readings and say {@code diverged} (status, health, one ERROR
 * naming the restore command) until their operator says otherwise; a slave follows the new stream only on its own
 * admin request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MasterLossIT {

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final int BATCHES = 20;
    private static final String RESTORE_TOKENS = "RESTORE_ADMIN_TOKENS";

    private Cluster cluster;
    private Writer writer;
    private final Map<String, Digest> beforeLoss = new LinkedHashMap<>();

    @BeforeAll
    void startAndFill() {
        cluster = Cluster.start(Topology.HTTP_H2, Path.of(System.getProperty("e2e.outputDir", "target"))
                .resolve("master-loss"), 2);
        writer = new Writer(() -> cluster.master().url(), cluster.adminToken(), 8, 10, Duration.ofMillis(50));
        for (int i = 0; i < BATCHES; i++) {
            assertThat(writer.writeBatch()).as("batch %d acknowledged", i).isTrue();
        }
        cluster.awaitConvergence(BOUND);
        cluster.nodes().forEach(node -> beforeLoss.put(node.name(), Cluster.digest(node)));
    }

    @AfterAll
    void stop() {
        if (writer != null) {
            writer.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void slavesKeepTheirReadingsAndSayDivergedWhenTheMasterComesBackEmpty() {
        Map<String, Long> logOffsets = new LinkedHashMap<>();
        cluster.reinitialiseMaster(() -> { });
        for (Cluster.Slave slave : cluster.slaves()) {
            logOffsets.put(slave.process().name(), slave.process().lastStart());
        }
        String newStream = Cluster.digest(cluster.master()).stream();
        assertThat(newStream).isNotEqualTo(beforeLoss.get("master").stream());
        for (Cluster.Slave slave : cluster.slaves()) {
            NodeProcess process = slave.process();
            SlaveViews.awaitDiverged(process, BOUND);
            SlaveViews.awaitRegistryCopy(process, BOUND);
            assertThat(Cluster.digest(process)).as("%s keeps its readings", process.name())
                    .isEqualTo(beforeLoss.get(process.name()));
            JsonNode health = JsonHttp.get(process.url() + "/api/health").body();
            assertThat(health.path("status").asText()).isEqualTo("degraded");
            assertThat(health.path("components").path("stream").asText()).isEqualTo("degraded");
            assertThat(health.path("problems").path("stream").asText()).startsWith("diverged:").contains(newStream);
            List<String> errors = process.log().linesSince(logOffsets.get(process.name())).stream()
                    .filter(line -> line.contains(" SEVERE ") && line.contains("diverged")).toList();
            // System.Logger's ERROR, as the JDK's logging names it.
            assertThat(errors).as("%s logs one ERROR", process.name()).hasSize(1);
            assertThat(errors.getFirst()).contains("app-master.jar restore --from");
        }
        // A later heartbeat or check does not log it again.
        Cluster.sleep(Duration.ofSeconds(3));
        for (Cluster.Slave slave : cluster.slaves()) {
            assertThat(slave.process().log().linesSince(logOffsets.get(slave.process().name())).stream()
                    .filter(line -> line.contains(" SEVERE ") && line.contains("diverged"))).hasSize(1);
        }
    }

    @Test
    @Order(2)
    void aSlaveFollowsTheNewStreamOnlyOnItsOwnAdminRequest() {
        NodeProcess second = cluster.slaves().get(1).process();
        NodeProcess first = cluster.slaves().get(0).process();
        String url = second.url() + "/api/dms/follow-stream";

        assertThat(JsonHttp.post(url, "Bearer " + cluster.adminToken(), Map.of()).status())
                .as("the master's token is not the slave's").isEqualTo(401);
        assertThat(Cluster.digest(second)).isEqualTo(beforeLoss.get(second.name()));

        JsonHttp.Reply reply = JsonHttp.post(url, "Bearer " + cluster.slaveAdminToken(second.name()), Map.of());
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        assertThat(reply.body().path("data").path("stream").asText())
                .isEqualTo(Cluster.digest(cluster.master()).stream());

        Convergence.await(cluster.master(), List.of(cluster.master(), second), BOUND);
        assertThat(SlaveViews.selfStatus(second)).isNotEqualTo("diverged");
        assertThat(SlaveViews.selfStatus(first)).isEqualTo("diverged");
        assertThat(Cluster.digest(first)).isEqualTo(beforeLoss.get(first.name()));
    }

    @Test
    @Order(3)
    void theRestoreFromTheSlavesBringsTheMasterBackOnTheOldStreamAndTheSlavesContinueWithoutAResync() {
        NodeProcess master = cluster.master();
        NodeProcess first = cluster.slaves().get(0).process();
        NodeProcess second = cluster.slaves().get(1).process();
        assertThat(JsonHttp.get(first.url() + "/api/dms/export").status()).as("no token").isEqualTo(401);
        master.stop(Cluster.STOP_BOUND);
        long firstFrom = first.log().size();
        master.putEnv(Map.of(RESTORE_TOKENS, cluster.slaveAdminToken(first.name()) + ","
                + cluster.slaveAdminToken(second.name())));

        long started = System.nanoTime();
        int exit = master.run(BOUND, "restore", "--from", first.url() + "," + second.url(), "--replace");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        String printed = String.join("\n", master.stdout());
        assertThat(exit).as(printed).isZero();
        Digest kept = beforeLoss.get(first.name());
        assertThat(printed).contains("restored " + kept.rows() + " readings of stream " + kept.stream() + ", head "
                + kept.appliedSeq()).contains("from " + first.url()).contains("not used: " + second.url());
        master.start(Cluster.START_BOUND);
        assertThat(Cluster.digest(master)).isEqualTo(kept);
        Duration converged = cluster.awaitConvergence(BOUND);
        assertThat(first.log().linesSince(firstFrom)).as("%s continues without a resync", first.name())
                .noneMatch(line -> line.contains("full resync"));
        for (NodeProcess slave : List.of(first, second)) {
            SlaveViews.awaitFollowing(slave, BOUND);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(writer.writeBatch()).as("a write after the restore").isTrue();
        }
        cluster.awaitConvergence(BOUND);
        assertThat(Cluster.digest(master).appliedSeq()).isGreaterThan(kept.appliedSeq());
        ResultsTable.add(new ResultsTable.Row("restore the master from a slave (MasterLossIT)",
                Topology.HTTP_H2.label(), FaultMatrixFixture.format(converged), "—",
                kept.rows() + " readings restored, head " + kept.appliedSeq() + ", rows re-applied: 0", "0",
                FaultMatrixFixture.format(BOUND), "passed (restore " + FaultMatrixFixture.format(took) + ")"));
        System.out.printf("[e2e] restore from a slave: %d readings, head %d, restore %.1f s, converged %.1f s after "
                + "the master's start; %s re-applied nothing%n", kept.rows(), kept.appliedSeq(),
                took.toMillis() / 1000.0, converged.toMillis() / 1000.0, first.name());
    }
}
