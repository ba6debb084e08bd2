package io.weathersync.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash soak (issue 14): the master is killed with {@code kill -9} under write load and restarted on the same
 * store, cycle after cycle, on its embedded H2 file and, as the reference, on MariaDB; a slave is killed while it
 * applies live changes, catches up a backlog, or resyncs from empty. Every cycle checks what {@link CrashSoak}
 * says. {@code ./mvnw verify} runs the short form; {@code bin/crash-soak} the full one (the cycle counts are the
 * system properties {@code soak.masterCycles}, {@code soak.mariadbCycles}, {@code soak.slaveCycles}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashSoakIT {

    private static final int MASTER_CYCLES = Integer.getInteger("soak.masterCycles", 20);
    private static final int MARIADB_CYCLES = Integer.getInteger("soak.mariadbCycles", 3);
    private static final int SLAVE_CYCLES = Integer.getInteger("soak.slaveCycles", 10);
    private static final Duration KILL_MIN = Duration.ofMillis(Long.getLong("soak.killMinMs", 500));
    private static final Duration KILL_MAX = Duration.ofMillis(Long.getLong("soak.killMaxMs", 1500));
    private static final long SEED = Long.getLong("soak.seed", System.nanoTime());
    private static final int CITIES = 200;
    private static final int BATCH = 100;
    private static final String ADMIN_TOKEN = "soak-admin-token";
    private static final List<CrashSoak.Counts> RESULTS = new ArrayList<>();

    private static Path out;
    private final List<NodeProcess> nodes = new ArrayList<>();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @BeforeAll
    static void clean() throws IOException {
        out = Path.of(System.getProperty("e2e.outputDir", "target")).resolve("crash-soak");
        Cluster.deleteTree(out);
        Files.createDirectories(out);
    }

    @Test
    @Order(1)
    void embeddedMasterKeepsEveryBatchWholeAcrossKill9() {
        CrashSoak.Counts counts = soakMaster("h2 (embedded)", Map.of(), MASTER_CYCLES);
        assertThat(Files.isDirectory(out.resolve("h2").resolve("master"))).isTrue();
        assertOwnerOnly(out.resolve("h2").resolve("master"));
        assertOwnerOnly(out.resolve("h2").resolve("master").resolve("weather.mv.db"));
        assertThat(counts.problems()).as("problems of the embedded master's soak").isEmpty();
    }

    @Test
    @Order(2)
    void mariaDbMasterKeepsEveryBatchWholeAcrossKill9() {
        TestDatabase database = TestDatabase.create();
        resources.add(database);
        CrashSoak.Counts counts = soakMaster("mariadb (reference)", Map.of("DB_URL", database.jdbcUrl(), "DB_USER",
                database.user(), "DB_PASSWORD", database.password()), MARIADB_CYCLES);
        assertThat(counts.problems()).as("problems of the MariaDB master's soak").isEmpty();
    }

    @Test
    @Order(3)
    void embeddedSlaveSurvivesKill9WhileApplying() {
        Path dir = out.resolve("slave");
        NodeProcess master = master(dir, Map.of());
        master.start(Cluster.START_BOUND);
        int slavePort = FreePorts.pick();
        AdminApi.Credentials credentials = new AdminApi(master.url(), ADMIN_TOKEN)
                .provision("soak-slave", "crash soak", "http://127.0.0.1:" + slavePort);
        Path slaveData = dir.resolve("slave");
        NodeProcess slave = track(new NodeProcess("slave", Jars.slave(), slavePort, NodeEnvironment.slave(slavePort,
                slaveData, master.url(), credentials, null, null), dir.resolve("slave.log")));
        slave.start(Cluster.START_BOUND);
        // Live load the slave applies all along (400 changes/s), not as fast as the master can: every tenth cycle
        // the slave resyncs all of it from empty.
        Writer writer = new Writer(master::url, ADMIN_TOKEN, CITIES, BATCH, Duration.ofMillis(250)).newReadingsOnly();
        resources.add(writer);
        CrashSoak soak = new CrashSoak("h2 (embedded)", "slave", SEED, KILL_MIN.dividedBy(2), KILL_MAX.dividedBy(2));
        writer.start();
        for (int cycle = 1; cycle <= SLAVE_CYCLES; cycle++) {
            // Every third cycle kills it during a catch-up of a backlog, every tenth during a full resync from empty.
            soak.slaveCycle(slave, master, cycle % 10 == 0 ? () -> Cluster.deleteTree(slaveData) : null, cycle % 3 == 0);
        }
        writer.stop();
        Duration converged = Convergence.await(master, List.of(master, slave), Duration.ofSeconds(120));
        LossCheck.Result check = LossCheck.check(slave, writer);
        System.out.printf("[soak] slave converged %d ms after the writer stopped; %d acknowledged readings checked,"
                + " %d missing%n", converged.toMillis(), check.checked(), check.lost());
        CrashSoak.Counts counts = record(soak.counts(writer.acks().size()));
        assertThat(check.lost()).as("acknowledged readings missing on the slave: %s", check.examples()).isZero();
        assertOwnerOnly(slaveData);
        assertThat(counts.problems()).as("problems of the slave's soak").isEmpty();
    }

    private CrashSoak.Counts soakMaster(String store, Map<String, String> storeEnv, int cycles) {
        Path dir = out.resolve(storeEnv.isEmpty() ? "h2" : "mariadb");
        NodeProcess master = master(dir, storeEnv);
        master.start(Cluster.START_BOUND);
        Writer writer = new Writer(master::url, ADMIN_TOKEN, CITIES, BATCH, Duration.ZERO).newReadingsOnly();
        resources.add(writer);
        CrashSoak soak = new CrashSoak(store, "master", SEED, KILL_MIN, KILL_MAX);
        for (int cycle = 1; cycle <= cycles; cycle++) {
            soak.masterCycle(master, writer);
        }
        LossCheck.Result check = LossCheck.check(master, writer);
        List<String> seqs = LossCheck.seqProblems(writer.acks());
        System.out.printf("[soak] %s master: %d acknowledged readings checked at the end, %d missing; seq problems: %s%n",
                store, check.checked(), check.lost(), seqs);
        CrashSoak.Counts counts = record(soak.counts(writer.acks().size()));
        assertThat(check.lost()).as("acknowledged readings missing at the end: %s", check.examples()).isZero();
        assertThat(seqs).as("seqs handed out twice or with holes").isEmpty();
        return counts;
    }

    private NodeProcess master(Path dir, Map<String, String> storeEnv) {
        int port = FreePorts.pick();
        Map<String, String> env = NodeEnvironment.master(port, dir.resolve("master"), ADMIN_TOKEN, null, null);
        storeEnv.forEach((key, value) -> {
            if (!value.isEmpty()) {
                env.put(key, value);
            }
        });
        return track(new NodeProcess("master", Jars.master(), port, env, dir.resolve("master.log")));
    }

    private NodeProcess track(NodeProcess node) {
        nodes.add(node);
        return node;
    }

    private static CrashSoak.Counts record(CrashSoak.Counts counts) {
        synchronized (RESULTS) {
            RESULTS.add(counts);
            StringBuilder table = new StringBuilder(CrashSoak.Counts.header()).append('\n');
            RESULTS.forEach(row -> table.append(row.row()).append('\n'));
            System.out.println("\n[soak] crash soak so far (also in " + out.resolve("results.md") + "):\n" + table);
            try {
                Files.writeString(out.resolve("results.md"), "# weather-sync crash soak\n\n" + table);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return counts;
    }

    private static void assertOwnerOnly(Path path) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            assertThat(permissions).as("permissions of %s", path).allMatch(p -> p.name().startsWith("OWNER_"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            if (!(resource instanceof TestDatabase)) {
                resource.close();
            }
        }
        nodes.forEach(NodeProcess::stopQuietly);
        for (AutoCloseable resource : resources) {
            if (resource instanceof TestDatabase) {
                resource.close();
            }
        }
        nodes.clear();
        resources.clear();
    }

    @AfterAll
    static void nothingLeft() {
        assertThat(StartedProcesses.count()).as("child processes still running").isZero();
    }
}
