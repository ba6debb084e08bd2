package io.weathersync.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis through Sentinel: a master on MariaDB and two slaves given {@code REDIS_URI=redis-sentinel://…} (a primary,
 * a replica, three Sentinels, all private). Under a steady write load the primary fails over twice: first by
 * {@code SENTINEL FAILOVER} (the old primary lives on as a replica, where a PUBLISH would still succeed locally
 * and reach no slave), then by {@code kill -9} of the new primary. After each, the slaves must subscribe again on
 * the new primary, the master must publish and count seed 003's readings there, and the writes after the
 * resubscription must reach the slaves live: their catch-up and heartbeat intervals are 60 s here, so only the
 * live feed (or a catch-up a live gap starts) can bring them within the bound. Every node follows the Sentinels'
 * {@code +switch-master} at once (without that, clients stayed on the demoted primary until Sentinel reconfigured
 * it: 14.6 s in a first run).
 * Nothing acknowledged may be lost, and the password in the URI may appear in no node's own log line. The row's
 * "since heal" counts from the moment every Sentinel names the new primary.
 */
class SentinelFailoverIT {

    private static final String TOKEN = "sentinel-admin";
    private static final String CHANNEL = "e2e:sentinel:readings";
    private static final String METRICS_KEY = "e2e:sentinel:metrics";
    private static final Duration FAILOVER_BOUND = Duration.ofSeconds(30);
    /** Well below the slaves' 60 s catch-up and heartbeat intervals: only live changes converge within it. */
    private static final Duration LIVE_BOUND = Duration.ofSeconds(25);
    private static final String TOPOLOGY = "Redis Sentinel (primary, replica, 3 sentinels), master MariaDB, 2 slaves";

    private final List<NodeProcess> nodes = new ArrayList<>();
    private PrivateSentinels redis;
    private TestDatabase database;
    private Writer writer;
    private boolean passed;

    @Test
    void slavesResubscribeOnTheNewPrimaryAndLoseNothingWhenRedisFailsOver() throws Exception {
        redis = PrivateSentinels.start();
        database = TestDatabase.create();
        Path dir = Path.of(System.getProperty("e2e.outputDir", "target")).resolve("sentinel-failover");
        Cluster.deleteTree(dir);
        NodeProcess master = master(dir);
        master.start(Cluster.START_BOUND);
        List<NodeProcess> slaves = List.of(slave("slave-1", dir, master), slave("slave-2", dir, master));
        slaves.parallelStream().forEach(slave -> slave.start(Cluster.START_BOUND));
        awaitSubscribers("both slaves subscribed on the first primary");

        writer = new Writer(master::url, TOKEN, 20, 10, Duration.ofMillis(100));
        writer.start();
        Cluster.sleep(Duration.ofSeconds(2));
        round("Redis primary failover (SENTINEL FAILOVER; old primary lives on as replica)", master, slaves,
                redis::failover);
        // Sentinel starts no new failover of one master within 2 × failover-timeout (3 s) of the last.
        writer.start();
        Cluster.sleep(Duration.ofSeconds(3));
        round("Redis primary kill -9, Sentinel promotes the replica", master, slaves, redis::killPrimary);

        for (NodeProcess node : nodes) {
            String log = String.join("\n", node.log().linesSince(0));
            assertThat(log).as("%s's log names the Sentinels", node.name())
                    .contains("sentinel master " + PrivateSentinels.MASTER_ID + " via 127.0.0.1:");
            assertThat(log).as("%s's log never shows the Redis password", node.name())
                    .doesNotContain(PrivateSentinels.PASSWORD);
        }
        passed = true;
    }

    /**
     * One failover under load: {@code fault} starts it; then the Sentinels name a new primary, both slaves subscribe
     * there, the master publishes there, the writes go on for 3 s, and every slave converges with nothing lost.
     */
    private void round(String fault, NodeProcess master, List<NodeProcess> slaves, Runnable cause) {
        int oldPrimary = redis.primaryPort();
        List<Long> marks = nodes.stream().map(s -> s.log().mark(fault)).toList();
        long changesBefore = writer.changesAcked();
        long started = System.nanoTime();
        cause.run();
        redis.awaitPrimaryOtherThan(oldPrimary, FAILOVER_BOUND);
        long healed = System.nanoTime();
        Duration failover = Duration.ofNanos(healed - started);
        int newPrimary = redis.primaryPort();
        long publishesBefore = redis.publishes(newPrimary);
        long countedBefore = redis.hashTotal(newPrimary, METRICS_KEY);
        awaitSubscribers(fault + ": both slaves subscribed on the new primary " + newPrimary);
        Duration resubscribed = Duration.ofNanos(System.nanoTime() - started);
        for (int i = 0; i < nodes.size(); i++) {
            NodeProcess node = nodes.get(i);
            // Each node follows the Sentinels' +switch-master: it connects to the new primary at once, rather
            // than staying on a demoted one until Sentinel reconfigures it and closes its clients.
            String which = node == master ? "publisher on sentinel master" : "subscriber on sentinel master";
            awaitLogLine(node, marks.get(i), line -> line.contains(which) && line.contains(": connected anew"));
            if (node != master) {
                awaitLogLine(node, marks.get(i), line -> line.contains(which) && line.contains(": subscribed"));
            }
        }
        // What is written from now on reaches the slaves live, on the new primary.
        Cluster.sleep(Duration.ofSeconds(3));
        writer.stop();
        assertThat(redis.publishes(newPrimary)).as("the master publishes on the new primary")
                .isGreaterThan(publishesBefore);
        assertThat(redis.hashTotal(newPrimary, METRICS_KEY)).as("the master counts seed 003's readings on the new"
                + " primary (a demoted one refuses writes until Sentinel closes its clients)")
                .isGreaterThan(countedBefore);
        long stopped = System.nanoTime();
        Duration converged = Convergence.await(master, nodes, LIVE_BOUND);
        long changes = writer.changesAcked() - changesBefore;
        for (NodeProcess slave : slaves) {
            LossCheck.Result loss = LossCheck.check(slave, writer);
            assertThat(loss.lost()).as("%s: acknowledged readings lost (of %d): %s", slave.name(), loss.checked(),
                    loss.examples()).isZero();
        }
        assertThat(LossCheck.seqProblems(writer.acks())).isEmpty();
        assertThat(Duration.ofNanos(stopped - started)).isLessThan(Duration.ofSeconds(60));
        ResultsTable.add(new ResultsTable.Row(fault, TOPOLOGY, FaultMatrixFixture.format(converged),
                FaultMatrixFixture.format(Duration.ofNanos(System.nanoTime() - healed)), changes + " acknowledged",
                "0", "≤ " + LIVE_BOUND.toSeconds() + " s", String.format("passed (new primary after %s, both slaves "
                        + "resubscribed after %s)", FaultMatrixFixture.format(failover),
                        FaultMatrixFixture.format(resubscribed))));
        System.out.printf("[e2e] %s: new primary %d (was %d) after %d ms, both slaves resubscribed after %d ms, "
                        + "converged %d ms after the last write; %d changes acknowledged meanwhile, 0 lost%n", fault,
                newPrimary, oldPrimary, failover.toMillis(), resubscribed.toMillis(), converged.toMillis(), changes);
    }

    private static void awaitLogLine(NodeProcess node, long from, Predicate<String> wanted) {
        long deadline = System.nanoTime() + FAILOVER_BOUND.toNanos();
        while (node.log().linesSince(from).stream().noneMatch(wanted)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(node.name() + ": the expected line is not in its log since the failover: "
                        + node.log().linesSince(from));
            }
            Cluster.sleep(Duration.ofMillis(100));
        }
    }

    private void awaitSubscribers(String what) {
        long deadline = System.nanoTime() + FAILOVER_BOUND.toNanos();
        long subscribers = -1;
        while (System.nanoTime() < deadline) {
            try {
                subscribers = redis.subscribers(CHANNEL);
                if (subscribers == 2) {
                    return;
                }
            } catch (RuntimeException e) {
                // the primary is changing; ask again
            }
            Cluster.sleep(Duration.ofMillis(100));
        }
        throw new AssertionError(what + ": " + subscribers + " subscribers within " + FAILOVER_BOUND.toSeconds()
                + " s");
    }

    private NodeProcess master(Path dir) {
        int port = FreePorts.pick();
        Map<String, String> env = NodeEnvironment.master(port, dir.resolve("master"), TOKEN, null, null);
        env.put("DB_URL", database.jdbcUrl());
        env.put("DB_USER", database.user());
        if (!database.password().isEmpty()) {
            env.put("DB_PASSWORD", database.password());
        }
        env.put("REDIS_URI", redis.uri());
        env.put("REDIS_CHANNEL", CHANNEL);
        env.put("REDIS_METRICS_KEY", METRICS_KEY);
        NodeProcess master = new NodeProcess("master", Jars.master(), port, env, dir.resolve("master.log"));
        nodes.add(master);
        return master;
    }

    private NodeProcess slave(String name, Path dir, NodeProcess master) {
        int port = FreePorts.pick();
        AdminApi.Credentials credentials = new AdminApi(master.url(), TOKEN).provision(name, "sentinel e2e",
                "http://127.0.0.1:" + port);
        Map<String, String> env = NodeEnvironment.slave(port, dir.resolve(name), master.url(), credentials, null,
                null);
        env.put("REDIS_URI", redis.uri());
        env.put("REDIS_CHANNEL", CHANNEL);
        env.put("CASCADE_SYNC_INTERVAL", "60");
        env.put("CASCADE_HEARTBEAT_INTERVAL", "60");
        NodeProcess slave = new NodeProcess(name, Jars.slave(), port, env, dir.resolve(name + ".log"));
        nodes.add(slave);
        return slave;
    }

    @AfterEach
    void stop() {
        if (redis != null && !passed) {
            redis.printLogTails();
        }
        if (writer != null) {
            writer.stop();
        }
        nodes.forEach(NodeProcess::stopQuietly);
        if (redis != null) {
            redis.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
