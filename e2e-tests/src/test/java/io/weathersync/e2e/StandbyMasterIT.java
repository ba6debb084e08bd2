package io.weathersync.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two master processes on one MariaDB database with the lease on (MASTER_LEASE_TIME): one is active, the standby
 * answers writes 503 naming it; SIGSTOP of the active makes the standby take over once the lease lapses; the old
 * master, SIGCONT'd after the takeover, cannot write (fenced by the epoch) and stands by; no seq is reused or
 * skipped. A slave given both URLs ({@code CASCADE_PARENT_URL=a,b}) converges with the new active master (it pulls
 * from whichever master answers; a paused one it skips once its request times out). The same after kill -9 of the
 * active master: the standby takes over once the lease lapses, every acknowledged write is there, and the killed
 * master, restarted, stands by. A master stopped cleanly (SIGTERM) hands the lease back: the standby takes over
 * within its renewal interval, not the lease time.
 */
class StandbyMasterIT {

    private static final String TOKEN = "standby-admin";
    private static final Duration LEASE = Duration.ofSeconds(3);
    /** The hand-back test's lease: long enough that a takeover after it lapsed could not pass for a hand-back. */
    private static final Duration LONG_LEASE = Duration.ofSeconds(20);
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(15);
    /** A paused master accepts connections but never answers: the slave's request times out (30 s) first. */
    private static final Duration SLAVE_BOUND = Duration.ofSeconds(120);

    /** Master a, master b and the slave, in that order once started. */
    private final List<NodeProcess> masters = new ArrayList<>();
    private TestDatabase database;
    private int minute;

    @Test
    void theStandbyTakesOverFromAPausedActiveMasterWhichCannotWriteWhenItWakes() {
        start("standby-master");
        NodeProcess a = masters.get(0);
        NodeProcess b = masters.get(1);
        NodeProcess slave = masters.get(2);

        long acked = publishAccepted(a, 5);
        JsonHttp.Reply refused = publish(b);
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.body().path("error").asText()).contains("standby").contains(a.url());
        assertThat(JsonHttp.get(b.url() + "/api/dms/digest").body().path("applied_seq").asLong()).isEqualTo(acked);
        Convergence.await(a, List.of(a, slave), SLAVE_BOUND);

        a.sigstop();
        Duration takeover = awaitTakeover(b, System.nanoTime()).took();
        acked++;
        acked += publishAccepted(b, 5);

        a.sigcont();
        JsonHttp.Reply woken = publish(a);
        assertThat(woken.status()).as("the old master right after SIGCONT: %s", woken.body()).isEqualTo(503);
        assertThat(a.awaitLine(line -> line.contains("standby now"), TAKEOVER_BOUND)).isPresent();
        assertThat(publish(a).status()).isEqualTo(503);
        assertThat(publish(b).status()).isEqualTo(200);
        acked++;

        Digest viaA = Digest.of(JsonHttp.get(a.url() + "/api/dms/digest").body());
        Digest viaB = Digest.of(JsonHttp.get(b.url() + "/api/dms/digest").body());
        assertThat(viaB.appliedSeq()).as("every acknowledged write has its own seq, none skipped").isEqualTo(acked);
        assertThat(viaB.rows()).isEqualTo(acked);
        assertThat(viaA).isEqualTo(viaB);
        Duration slaveConverged = Convergence.await(b, List.of(b, slave), SLAVE_BOUND);
        ResultsTable.add(new ResultsTable.Row("active master SIGSTOP, standby takes over; old master SIGCONT",
                "2 masters, MariaDB", "—", FaultMatrixFixture.format(takeover), acked + " acknowledged", "0",
                FaultMatrixFixture.format(TAKEOVER_BOUND), "passed (woken master's write refused: 503)"));
        System.out.printf("[e2e] standby takeover after SIGSTOP of the active master: %d ms (lease %d s); the old "
                + "master's write after SIGCONT: %d %s; the slave with both URLs converged %d ms after the last "
                + "write%n", takeover.toMillis(), LEASE.toSeconds(), woken.status(), woken.body().path("error").asText(),
                slaveConverged.toMillis());
    }

    @Test
    void theStandbyTakesOverFromAKilledActiveMasterAndNoAcknowledgedWriteIsLost() {
        start("standby-master-kill");
        NodeProcess a = masters.get(0);
        NodeProcess b = masters.get(1);
        NodeProcess slave = masters.get(2);
        long acked = publishAccepted(a, 20);

        a.kill9();
        Takeover takeover = awaitTakeover(b, System.nanoTime());
        acked++;
        acked += publishAccepted(b, 20);
        a.start(Cluster.START_BOUND);
        JsonHttp.Reply restarted = publish(a);

        assertThat(restarted.status()).as("the killed master, restarted: %s", restarted.body()).isEqualTo(503);
        Digest digest = Digest.of(JsonHttp.get(b.url() + "/api/dms/digest").body());
        assertThat(digest.appliedSeq()).as("every acknowledged write has its own seq, none skipped").isEqualTo(acked);
        assertThat(digest.rows()).as("no acknowledged write lost").isEqualTo(acked);
        Duration slaveConverged = Convergence.await(b, List.of(a, b, slave), SLAVE_BOUND);
        ResultsTable.add(new ResultsTable.Row("active master kill -9, standby takes over; killed master restarted",
                "2 masters, MariaDB", FaultMatrixFixture.format(slaveConverged),
                FaultMatrixFixture.format(takeover.took()), acked + " acknowledged", "0",
                FaultMatrixFixture.format(TAKEOVER_BOUND), "passed (" + takeover.refused() + " writes meanwhile "
                + "answered 503, nothing written; restarted master stands by)"));
        System.out.printf("[e2e] standby takeover after kill -9 of the active master: %d ms (lease %d s); %d writes "
                + "meanwhile answered 503; %d acknowledged, all present; the slave converged %d ms after the last "
                + "write%n", takeover.took().toMillis(), LEASE.toSeconds(), takeover.refused(), acked,
                slaveConverged.toMillis());
    }

    @Test
    void aCleanlyStoppedActiveMasterHandsTheLeaseBackAndTheStandbyTakesOverAtOnce() {
        start("standby-master-term", LONG_LEASE);
        NodeProcess a = masters.get(0);
        NodeProcess b = masters.get(1);
        long acked = publishAccepted(a, 10);

        long since = System.nanoTime();
        assertThat(a.stop(Duration.ofSeconds(30))).as("exit code after SIGTERM").isZero();
        Takeover takeover = awaitTakeover(b, since);
        acked++;

        assertThat(a.awaitLine(line -> line.contains("lease handed back at stop"), Duration.ofSeconds(5)))
                .isPresent();
        assertThat(takeover.took()).as("taken over well before the %s lease lapsed", LONG_LEASE)
                .isLessThan(LONG_LEASE.dividedBy(2));
        Digest digest = Digest.of(JsonHttp.get(b.url() + "/api/dms/digest").body());
        assertThat(digest.appliedSeq()).as("every acknowledged write has its own seq, none skipped").isEqualTo(acked);
        assertThat(digest.rows()).as("no acknowledged write lost").isEqualTo(acked);
        ResultsTable.add(new ResultsTable.Row("active master SIGTERM (clean stop), lease handed back", "2 masters, "
                + "MariaDB", "—", FaultMatrixFixture.format(takeover.took()), acked + " acknowledged", "0",
                FaultMatrixFixture.format(LONG_LEASE.dividedBy(2)), "passed (lease " + LONG_LEASE.toSeconds()
                + " s, renewal 1 s; " + takeover.refused() + " writes meanwhile answered 503)"));
        System.out.printf("[e2e] standby takeover after SIGTERM of the active master (stop included): %d ms "
                + "(lease %d s, renewal 1 s); %d writes meanwhile answered 503%n", takeover.took().toMillis(),
                LONG_LEASE.toSeconds(), takeover.refused());
    }

    /** How long the standby took to accept a write after the active master went away, and how many it refused. */
    private record Takeover(Duration took, int refused) {
    }

    /** Writes to {@code standby} every 100 ms until one is accepted; each refusal must be a 503 (nothing written). */
    private Takeover awaitTakeover(NodeProcess standby, long since) {
        int refused = 0;
        JsonHttp.Reply reply;
        while ((reply = publish(standby)).status() != 200) {
            assertThat(reply.status()).as("the standby before the lease lapses: %s", reply.body()).isEqualTo(503);
            refused++;
            assertThat(Duration.ofNanos(System.nanoTime() - since)).as("takeover within the bound")
                    .isLessThan(TAKEOVER_BOUND);
            Cluster.sleep(Duration.ofMillis(100));
        }
        return new Takeover(Duration.ofNanos(System.nanoTime() - since), refused);
    }

    private void start(String name) {
        start(name, LEASE);
    }

    /** Starts masters a (active) and b (standby) on a new database, and a slave given both: {@link #masters}. */
    private void start(String name, Duration lease) {
        database = TestDatabase.create();
        Path dir = Path.of(System.getProperty("e2e.outputDir", "target")).resolve(name);
        Cluster.deleteTree(dir);
        NodeProcess a = master("master-a", dir, lease);
        a.start(Cluster.START_BOUND);
        NodeProcess b = master("master-b", dir, lease);
        b.start(Cluster.START_BOUND);
        assertThat(a.awaitLine(line -> line.contains("active master now"), TAKEOVER_BOUND)).isPresent();
        slave(dir, a, b);
    }

    private NodeProcess master(String name, Path dir, Duration lease) {
        int port = FreePorts.pick();
        Map<String, String> env = NodeEnvironment.master(port, dir.resolve(name), TOKEN, null, null);
        env.put("DB_URL", database.jdbcUrl());
        env.put("DB_USER", database.user());
        if (!database.password().isEmpty()) {
            env.put("DB_PASSWORD", database.password());
        }
        // A weather source that answers nothing, so the head counts exactly the writes of this test.
        env.put("WEATHER_SOURCE", "open-meteo");
        env.put("OPEN_METEO_URL", "http://127.0.0.1:" + FreePorts.pick());
        env.put("MASTER_LEASE_TIME", Long.toString(lease.toSeconds()));
        env.put("MASTER_LEASE_RENEW", "1");
        NodeProcess master = new NodeProcess(name, Jars.master(), port, env, dir.resolve(name + ".log"));
        masters.add(master);
        return master;
    }

    /** A slave registered through {@code a} (the registry is the shared database's) and given both URLs. */
    private NodeProcess slave(Path dir, NodeProcess a, NodeProcess b) {
        int port = FreePorts.pick();
        AdminApi.Credentials credentials = new AdminApi(a.url(), TOKEN).provision("standby-slave", "both masters",
                "http://127.0.0.1:" + port);
        NodeProcess slave = new NodeProcess("slave", Jars.slave(), port, NodeEnvironment.slave(port,
                dir.resolve("slave"), a.url() + "," + b.url(), credentials, null, null), dir.resolve("slave.log"));
        masters.add(slave);
        slave.start(Cluster.START_BOUND);
        return slave;
    }

    /** {@code writes} publishes to {@code master}, each of which must be accepted; returns how many were. */
    private long publishAccepted(NodeProcess master, int writes) {
        for (int i = 0; i < writes; i++) {
            assertThat(publish(master).status()).isEqualTo(200);
        }
        return writes;
    }

    /** One new reading (never a correction), so rows and head both count the acknowledged writes. */
    private JsonHttp.Reply publish(NodeProcess master) {
        Map<String, Object> reading = Map.of("city", "Leaseville", "temp", 20.5, "humidity", 50, "timestamp",
                Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(minute++)).toString());
        return JsonHttp.post(master.url() + "/api/publish", "Bearer " + TOKEN, List.of(reading), Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        masters.forEach(NodeProcess::stopQuietly);
        if (database != null) {
            database.close();
        }
    }
}
