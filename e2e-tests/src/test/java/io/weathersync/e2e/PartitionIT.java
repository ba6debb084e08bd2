package io.weathersync.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partitions, not only crashes (issue 15 part 5): two masters with the lease, a slave given both, and a MariaDB of
 * the test's own, each in a network namespace of its own joined by a bridge ({@link Netns}); faults are real packet
 * drops on the hosts' links. (a) The active master is cut from the database, the standby and the slave: the standby
 * takes over once the lease lapses; the cut master acknowledges nothing, stands by on its own once its lease has
 * lapsed by its own clock (its renewal hangs on the cut connection meanwhile), and after healing learns who holds
 * the lease and stays standby. (b) The slave is cut from the masters while writes go on, and catches up after
 * healing. (c) Every link loses 30% of its packets and delays what it carries by 0-200 ms (in {@link NetnsRelay})
 * under write load, then heals. Throughout, {@link LeaseWatch} checks in the database that exactly one master
 * writes: seqs unique and contiguous, and every acknowledged batch inside its master's epoch.
 * After each heal all digests are equal and no acknowledged reading is lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PartitionIT {

    private static final String TOKEN = "partition-admin";
    private static final String TOPOLOGY = "2 masters (lease 3 s) + 1 slave, MariaDB, each in its own netns; HTTP push";
    private static final Duration TAKEOVER_BOUND = Duration.ofSeconds(30);
    private static final Duration CONVERGE_BOUND = Duration.ofSeconds(90);
    private static final List<String> HOSTS = List.of("db", "ma", "mb", "s1");
    private static final Pattern TOOK_OVER = Pattern.compile("took over the lease under epoch (\\d+)");

    private Netns netns;
    private NetnsMariaDb database;
    private final List<NetnsRelay> relays = new ArrayList<>();
    private final List<NodeProcess> nodes = new ArrayList<>();
    private NodeProcess a;
    private NodeProcess b;
    private NodeProcess slave;
    private LeaseWatch watch;
    private Writer writer;
    private Path dir;
    /** The relays' socket files: a short path of its own (a Unix socket's path is at most 107 bytes). */
    private Path sockets;

    @BeforeAll
    void network() {
        dir = Path.of(System.getProperty("e2e.outputDir", "target")).resolve("partition");
        Cluster.deleteTree(dir);
        try {
            Files.createDirectories(dir);
            sockets = Files.createTempDirectory("ws-relay-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        netns = Netns.create();
        String dbAddress = netns.addHost("db");
        String aAddress = netns.addHost("ma");
        String bAddress = netns.addHost("mb");
        String slaveAddress = netns.addHost("s1");
        database = NetnsMariaDb.start(netns.exec("db"), dbAddress);
        relays.add(NetnsRelay.start(netns.exec("db"), dbAddress, 3306, jitter("db"), null));
        a = master("master-a", "ma", aAddress);
        a.start(Cluster.START_BOUND);
        assertThat(a.awaitLine(line -> line.contains("active master now"), TAKEOVER_BOUND)).isPresent();
        b = master("master-b", "mb", bAddress);
        b.start(Cluster.START_BOUND);
        slave = slave(slaveAddress, "http://" + aAddress + ":" + a.port() + ",http://" + bAddress + ":" + b.port());
        slave.start(Cluster.START_BOUND);
        watch = new LeaseWatch(database, List.of(a, b)).start();
        writer = new Writer(() -> watch.activeUrl(), TOKEN, 20, 10, Duration.ofMillis(200)).newReadingsOnly();
    }

    @Test
    @Order(1)
    void theStandbyTakesOverFromTheCutActiveMasterWhichWritesNothingAndStandsByAfterHealing() {
        try {
            writer.start();
            Cluster.sleep(Duration.ofSeconds(3));
            assertThat(watch.activeUrl()).isEqualTo(a.url());
            long changesBefore = writer.changesAcked();

            netns.cut("ma");
            long cut = System.nanoTime();
            Duration takeover = watch.awaitFirstWriteBy(b, cut, TAKEOVER_BOUND);
            assertThat(a.awaitLine(line -> line.contains("standby now: the lease of epoch 1 lapsed"),
                    TAKEOVER_BOUND)).as("the cut master stands by on its own once its lease lapses").isPresent();
            // The test reaches every node through its relay's Unix socket, which the cut leaves alone.
            JsonHttp.Reply meanwhile = watch.probe(a);
            assertThat(meanwhile).as("the cut master answers at once").isNotNull();
            assertThat(meanwhile.status()).as("the cut master refuses writes: %s", meanwhile.body()).isEqualTo(503);
            assertThat(meanwhile.body().path("message").asText()).contains("standby master");
            Cluster.sleep(Duration.ofSeconds(3));
            assertThat(watch.acknowledgedBy(a, cut)).as("writes the cut master acknowledged after the cut").isZero();

            netns.heal("ma");
            long healed = System.nanoTime();
            assertThat(a.awaitLine(line -> line.contains("standby now: lost the lease of epoch 1"), CONVERGE_BOUND))
                    .as("the old master learns who took the lease over once healed").isPresent();
            Duration stoodBy = Duration.ofNanos(System.nanoTime() - healed);
            JsonHttp.Reply woken = watch.probe(a);
            assertThat(woken).as("the healed old master answers").isNotNull();
            assertThat(woken.status()).as("the healed old master's write: %s", woken.body()).isEqualTo(503);
            Cluster.sleep(Duration.ofSeconds(2));
            writer.stop();

            Duration converged = Convergence.await(b, List.of(a, b, slave), CONVERGE_BOUND);
            Duration sinceHeal = Duration.ofNanos(System.nanoTime() - healed);
            long changes = writer.changesAcked() - changesBefore;
            checkNothingLost();
            watch.assertOneWriterAtATime(writer);
            row("active master cut off (DB, standby, slave), standby takes over, heal", converged,
                    sinceHeal, changes, "passed (takeover " + FaultMatrixFixture.format(takeover)
                            + " after the cut; cut master: stood by on its own when its lease lapsed, 0 writes"
                            + " acknowledged, 503; healed, it learnt the new holder after "
                            + FaultMatrixFixture.format(stoodBy) + ")");
            System.out.printf("[e2e] partition (a): takeover %d ms after the cut (lease 3 s); the healed old master "
                    + "learnt who holds the lease %d ms after the heal; converged %d ms after the heal; the cut "
                    + "master's write meanwhile: %s%n", takeover.toMillis(), stoodBy.toMillis(), sinceHeal.toMillis(),
                    meanwhile.status() + " " + meanwhile.body());
        } finally {
            healAll();
            writer.stop();
        }
    }

    @Test
    @Order(2)
    void aSlaveCutFromTheMastersCatchesUpAfterHealing() {
        try {
            long changesBefore = writer.changesAcked();
            writer.start();
            netns.cut("s1");
            Cluster.sleep(Duration.ofSeconds(8));
            Digest during = Convergence.digest(slave);
            Digest head = Convergence.digest(active());
            assertThat(during.appliedSeq()).as("the cut slave lags while writes go on").isLessThan(head.appliedSeq());
            netns.heal("s1");
            long healed = System.nanoTime();
            Cluster.sleep(Duration.ofSeconds(2));
            writer.stop();
            Duration converged = Convergence.await(active(), List.of(a, b, slave), CONVERGE_BOUND);
            Duration sinceHeal = Duration.ofNanos(System.nanoTime() - healed);
            checkNothingLost();
            watch.assertOneWriterAtATime(writer);
            row("slave cut from both masters while written to, heal", converged, sinceHeal,
                    writer.changesAcked() - changesBefore, "passed (slave at seq " + during.appliedSeq() + " of "
                            + head.appliedSeq() + " while cut)");
            System.out.printf("[e2e] partition (b): the slave converged %d ms after the heal%n", sinceHeal.toMillis());
        } finally {
            healAll();
            writer.stop();
        }
    }

    @Test
    @Order(3)
    void everyLinkLosingThirtyPercentWithJitterUnderLoadLosesNothing() {
        try {
            long changesBefore = writer.changesAcked();
            int epochsBefore = watch.epochs().size();
            writer.clearFailures();
            writer.start();
            for (String host : HOSTS) {
                netns.lossy(host, 30);
                jitter(host, true);
            }
            Cluster.sleep(Duration.ofSeconds(20));
            long acknowledgedWhileLossy = writer.changesAcked() - changesBefore;
            int handOvers = watch.epochs().size() - epochsBefore;
            healAll();
            long healed = System.nanoTime();
            Cluster.sleep(Duration.ofSeconds(2));
            writer.stop();
            Duration converged = Convergence.await(active(), List.of(a, b, slave), CONVERGE_BOUND);
            Duration sinceHeal = Duration.ofNanos(System.nanoTime() - healed);
            assertThat(acknowledgedWhileLossy).as("writes acknowledged over the lossy links").isPositive();
            checkNothingLost();
            watch.assertOneWriterAtATime(writer);
            row("30% packet loss and 0-200 ms jitter on every link under write load, heal", converged, sinceHeal,
                    writer.changesAcked() - changesBefore, "passed (" + acknowledgedWhileLossy + " changes "
                            + "acknowledged in 20 s while lossy; lease hand-overs meanwhile: " + handOvers + ")");
            System.out.printf("[e2e] partition (c): %d changes acknowledged in 20 s at 30%% loss and 0-200 ms jitter; "
                    + "lease hand-overs %d (epochs %s); converged %d ms after the heal; writer failures: %s%n",
                    acknowledgedWhileLossy, handOvers, watch.epochs(), sinceHeal.toMillis(), writer.failures());
        } finally {
            healAll();
            writer.stop();
        }
    }

    /** Removes every fault (also in a failed scenario's end, so that it leaves none to the next). */
    private void healAll() {
        for (String host : HOSTS) {
            netns.heal(host);
            jitter(host, false);
        }
    }

    /** The master the lease names now. */
    private NodeProcess active() {
        return watch.activeUrl().equals(a.url()) ? a : b;
    }

    private void checkNothingLost() {
        for (NodeProcess node : List.of(b, slave)) {
            LossCheck.Result result = LossCheck.check(node, writer);
            assertThat(result.lost()).as("acknowledged readings lost on %s: %s", node.name(), result.examples())
                    .isZero();
            assertThat(result.checked()).isPositive();
        }
    }

    /** The file whose existence makes the relay into {@code host} delay what it forwards by 0-200 ms. */
    private Path jitter(String host) {
        return dir.resolve("jitter-" + host);
    }

    private void jitter(String host, boolean on) {
        try {
            if (on) {
                Files.writeString(jitter(host), "on");
            } else {
                Files.deleteIfExists(jitter(host));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(String fault, Duration converged, Duration sinceHeal, long changes, String result) {
        ResultsTable.add(new ResultsTable.Row("partition: " + fault, TOPOLOGY, FaultMatrixFixture.format(converged),
                FaultMatrixFixture.format(sinceHeal), changes + " acknowledged", "0",
                FaultMatrixFixture.format(CONVERGE_BOUND), result));
    }

    private NodeProcess master(String name, String host, String address) {
        int port = FreePorts.pick();
        Map<String, String> env = NodeEnvironment.master(port, dir.resolve(name), TOKEN, null, null);
        // A master cut off inside a transaction holds the lease row its seq assignment locked until the server rolls
        // that transaction back: the masters' own idle_transaction_timeout on MariaDB (Database), not set here.
        env.put("DB_URL", database.jdbcUrl());
        env.put("DB_USER", "root");
        // A weather source that answers nothing, so every change is a write of this test.
        env.put("WEATHER_SOURCE", "open-meteo");
        env.put("OPEN_METEO_URL", "http://127.0.0.1:" + FreePorts.pick());
        env.put("MASTER_LEASE_TIME", "3");
        env.put("MASTER_LEASE_RENEW", "1");
        return node(name, host, address, port, Jars.master(), env);
    }

    private NodeProcess slave(String address, String masters) {
        int port = FreePorts.pick();
        AdminApi.Credentials credentials = new AdminApi(a.url(), TOKEN).provision("partition-slave",
                "slave in a netns", "http://" + address + ":" + port);
        Map<String, String> env = NodeEnvironment.slave(port, dir.resolve("slave"), masters, credentials, null, null);
        return node("slave", "s1", address, port, Jars.slave(), env);
    }

    private NodeProcess node(String name, String host, String address, int port, Path jar, Map<String, String> env) {
        relays.add(NetnsRelay.start(netns.exec(host), address, port, jitter(host), sockets.resolve(name + ".sock")));
        NodeProcess node = new NodeProcess(name, jar, port, env, dir.resolve(name + ".log"))
                .commandPrefix(netns.exec(host));
        nodes.add(node);
        return node;
    }

    @AfterAll
    void cleanUp() {
        if (watch != null) {
            watch.close();
        }
        if (writer != null) {
            writer.stop();
        }
        nodes.forEach(NodeProcess::stopQuietly);
        relays.forEach(NetnsRelay::close);
        if (database != null) {
            database.close();
        }
        if (sockets != null) {
            Cluster.deleteTree(sockets);
        }
        if (netns != null) {
            netns.close();
            assertThat(Netns.list()).as("namespaces of this run left behind")
                    .noneMatch(name -> name.startsWith(netns.toString().replace("*", "")));
        }
        ResultsTable.print();
    }

    /** The masters' epochs, as their logs say they took them. */
    static List<Long> epochsTaken(NodeProcess master) {
        List<Long> epochs = new ArrayList<>();
        Matcher matcher = TOOK_OVER.matcher(master.log().since(0));
        while (matcher.find()) {
            epochs.add(Long.parseLong(matcher.group(1)));
        }
        return epochs;
    }
}
