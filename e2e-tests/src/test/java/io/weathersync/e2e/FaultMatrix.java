package io.weathersync.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue's eight faults, in order, on one running cluster (see {@link FaultMatrixFixture}); a topology class
 * says how to lose exactly the last live message and which faults do not apply to it.
 */
abstract class FaultMatrix extends FaultMatrixFixture {

    static final String FAULT_1 = "1 kill -9 a slave, write, restart";
    static final String FAULT_2 = "2 stop + restart the private Redis";
    static final String FAULT_3 = "3 SIGSTOP a slave until Redis drops it, SIGCONT";
    static final String FAULT_4 = "4 last message before a quiet period lost";
    static final String FAULT_5 = "5 garbage + forged messages on the channel";
    static final String FAULT_6 = "6 kill -9 the master mid-batch, restart (x2)";
    static final String FAULT_7 = "7 wipe a slave's data dir, restart";
    static final String FAULT_8 = "8 re-initialise the master's store: slaves keep their data (diverged), restore from them";
    /** The size of one replayed filler message while a slave is frozen (fault 3): well under the 64 KiB limit. */
    static final int REPLAY_BYTES = 16 * 1024;
    static final Duration FREEZE_BOUND = Duration.ofSeconds(60);
    /** How long a slave may take to log the rejections of fault 5 (its replication thread may be busy). */
    static final Duration REJECTION_LOG_BOUND = Duration.ofSeconds(20);
    /** The master is killed this many times in fault 6, each time with a batch in flight. */
    static final int MASTER_KILLS = 2;

    /** Makes the master's next live message(s) not reach the slaves, without disconnecting or restarting them. */
    abstract void loseLiveMessages() throws Exception;

    /** Undoes {@link #loseLiveMessages}. */
    abstract void deliverLiveMessages() throws Exception;

    /**
     * Called between the lost batch and {@link #deliverLiveMessages}: fails unless the batch's {@code changes}
     * live messages really were lost (else the fault proves nothing); returns what shows it.
     */
    abstract String confirmLost(long changes);

    @Test
    @Order(1)
    void slaveKilledWithSigkillCatchesUpAfterRestart() throws Exception {
        NodeProcess slave = slave(0);
        fault(FAULT_1, Duration.ofSeconds(20), () -> {
            writer.start();
            sleep(STEADY);
            slave.kill9();
            sleep(Duration.ofSeconds(3));
            slave.start(Cluster.START_BOUND);
            healed();
            sleep(AFTER_HEAL);
        }, () -> { });
    }

    /** Fault 2 (Redis topologies only: a test of {@link RedisTopologyIT}). */
    void redisRestartIsRepairedByCatchUpAfterReconnect() throws Exception {
        fault(FAULT_2, Duration.ofSeconds(30), () -> {
            writer.start();
            sleep(STEADY);
            cluster.redis().stop();
            sleep(Duration.ofSeconds(3));
            cluster.redis().start();
            healed();
            sleep(AFTER_HEAL);
        }, () -> { });
    }

    /** Fault 3 (Redis topologies only: a test of {@link RedisTopologyIT}). */
    void frozenSlaveDroppedByRedisCatchesUpAfterSigcont() throws Exception {
        NodeProcess slave = slave(1);
        fault(FAULT_3, Duration.ofSeconds(30), () -> {
            writer.start();
            sleep(STEADY);
            List<String> subscriptions = cluster.redis().pubsubAddressesOf(slave.pid());
            assertThat(subscriptions).as("%s's (pid %d) pub/sub connections on the private Redis; sockets: %s; "
                    + "pub/sub clients: %s", slave.name(), slave.pid(), cluster.redis().lastSockets(),
                    cluster.redis().pubsubClients()).isNotEmpty();
            NodeProcess healthy = slave(0);
            List<String> healthySubscriptions = cluster.redis().pubsubAddressesOf(healthy.pid());
            String replay = replayOfOneLiveMessage();
            long frozenAt = System.nanoTime();
            slave.sigstop();
            int replays = 0;
            try {
                long deadline = frozenAt + FREEZE_BOUND.toNanos();
                while (cluster.redis().pubsubClients().stream().map(PrivateRedis::addr).anyMatch(subscriptions::contains)) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("Redis did not drop frozen " + slave.name() + "'s subscription "
                                + subscriptions + " within " + FREEZE_BOUND.toSeconds() + " s (limit "
                                + PrivateRedis.PUBSUB_LIMIT + ")");
                    }
                    // The kernel's socket buffers (MBs on loopback) fill before Redis' output buffer grows; one
                    // publish at a time, each under the limit, so a subscriber that reads is never over it.
                    for (int i = 0; i < 20; i++) {
                        cluster.redis().publish(cluster.channel(), replay);
                        replays++;
                    }
                }
                note(String.format("Redis dropped the frozen subscriber %.1f s after SIGSTOP (%d replays of %d KiB "
                        + "published meanwhile)", seconds(Duration.ofNanos(System.nanoTime() - frozenAt)), replays,
                        replay.length() / 1024));
                List<String> left = cluster.redis().pubsubClients().stream().map(PrivateRedis::addr)
                        .filter(healthySubscriptions::contains).toList();
                if (left.isEmpty()) {
                    problem("Redis dropped the subscription of " + healthy.name() + " too, which was not frozen: "
                            + healthySubscriptions + " (the test's filler must stay under the limit)");
                }
            } finally {
                slave.sigcont();
            }
            healed();
            sleep(AFTER_HEAL);
        }, () -> {
            System.out.printf("[e2e] %s: CLIENT LIST TYPE pubsub no longer showed %s's subscription; redis log: %s%n",
                    FAULT_3, slave.name(), Files.readAllLines(cluster.redis().log()).stream()
                            .filter(l -> l.contains("output buffer")).reduce((a, b) -> b).orElse("(no line)"));
            assertThat(cluster.redis().pubsubAddressesOf(slave.pid())).as("%s subscribed again", slave.name())
                    .isNotEmpty();
        });
    }

    @Test
    @Order(4)
    void lostLastMessageIsNoticedByThePeriodicCheck() throws Exception {
        Map<String, Long> pids = slavePids();
        fault(FAULT_4, Duration.ofSeconds(10), () -> {
            cluster.awaitConvergence(Duration.ofSeconds(20));
            loseLiveMessages();
            try {
                long before = writer.changesAcked();
                long start = System.nanoTime();
                assertThat(writer.writeBatch()).as("the master acknowledges the batch (persist comes first)").isTrue();
                note(String.format("the lost batch took %d ms to acknowledge; %s",
                        Duration.ofNanos(System.nanoTime() - start).toMillis(), confirmLost(writer.changesAcked() - before)));
            } finally {
                deliverLiveMessages();
            }
            healed();
        }, () -> assertThat(slavePids()).as("slaves converged without a restart").isEqualTo(pids));
    }

    /** Fault 5 (Redis topologies only: a test of {@link RedisTopologyIT}). */
    void garbageAndForgedMessagesAreIgnoredAndCounted() throws Exception {
        String forgedCity = "E2E-Forged";
        fault(FAULT_5, Duration.ofSeconds(10), () -> {
            cluster.awaitConvergence(Duration.ofSeconds(20));
            Digest head = Cluster.digest(cluster.master());
            for (String message : List.of("this is not JSON {{{", change(99, head.stream(), head.appliedSeq() + 1,
                    "E2E-City-01"), change(1, head.stream(), head.appliedSeq() + 1, forgedCity))) {
                assertThat(cluster.redis().publish(cluster.channel(), message)).as("subscribers that got %s", message)
                        .isEqualTo(SLAVES);
            }
            writer.start();
            healed();
            sleep(AFTER_HEAL);
        }, () -> {
            for (Cluster.Slave slave : cluster.slaves()) {
                NodeProcess node = slave.process();
                // BAD_SIGNATURE is found on the slave's replication thread, which may still be draining a backlog.
                long start = System.nanoTime();
                List<String> kinds = List.of("MALFORMED", "UNKNOWN_VERSION", "BAD_SIGNATURE");
                while (!kinds.stream().allMatch(node.log().since(node.lastStart())::contains)
                        && System.nanoTime() - start < REJECTION_LOG_BOUND.toNanos()) {
                    sleep(Duration.ofMillis(200));
                }
                String log = node.log().since(node.lastStart());
                for (String kind : kinds) {
                    assertThat(log).as("%s's log (%s) names the rejection %s within %d s", node.name(), node.log(), kind,
                            REJECTION_LOG_BOUND.toSeconds()).contains(kind);
                }
                note(String.format("%s logged all 3 rejection kinds %.1f s after convergence", node.name(),
                        seconds(Duration.ofNanos(System.nanoTime() - start))));
                assertThat(JsonHttp.get(node.url() + "/api/weather/latest?city=" + forgedCity).status())
                        .as("the forged reading on %s", node.name()).isEqualTo(404);
            }
        });
    }

    @Test
    @Order(6)
    void masterKilledMidBatchLosesNothingAcknowledged() throws Exception {
        NodeProcess master = cluster.master();
        fault(FAULT_6, Duration.ofSeconds(30), () -> {
            writer.start();
            for (int round = 1; round <= MASTER_KILLS; round++) {
                sleep(STEADY);
                assertThat(writer.awaitInFlight(Duration.ofSeconds(5))).as("a batch in flight").isTrue();
                master.kill9();
                long acknowledged = writer.acks().stream().mapToLong(Ledger.Ack::lastSeq).max().orElse(0);
                sleep(Duration.ofSeconds(1));
                master.start(Cluster.START_BOUND);
                long head = Cluster.digest(master).appliedSeq();
                note("kill " + round + ": last acknowledged seq " + acknowledged + ", head after restart " + head);
                if (head < acknowledged) {
                    problem("kill -9 #" + round + ": the master restarted at head " + head + " but had acknowledged "
                            + "changes up to seq " + acknowledged + " (acknowledged writes lost; log " + master.log() + ")");
                }
            }
            healed();
            sleep(AFTER_HEAL);
        }, () -> { });
    }

    @Test
    @Order(7)
    void slaveWithWipedDataDirResyncsFully() throws Exception {
        NodeProcess slave = slave(1);
        fault(FAULT_7, Duration.ofSeconds(30), () -> {
            writer.start();
            sleep(STEADY);
            slave.stop(Cluster.STOP_BOUND);
            cluster.wipe(cluster.slaveDataDir(slave.name()));
            slave.start(Cluster.START_BOUND);
            healed();
            sleep(AFTER_HEAL);
        }, () -> assertThat(cluster.slaveDataDir(slave.name())).as("recreated data dir").isDirectory());
    }

    @Test
    @Order(8)
    void reinitialisedMasterStoreLeavesTheSlavesDivergedAndTheRestoreBringsTheOldStreamBack() throws Exception {
        Map<String, Digest> before = new LinkedHashMap<>();
        fault(FAULT_8, Duration.ofSeconds(60), () -> {
            writer.start();
            sleep(STEADY);
            writer.stop();
            cluster.awaitConvergence(Cluster.START_BOUND);
            cluster.nodes().forEach(n -> before.put(n.name(), Cluster.digest(n)));
            cluster.reinitialiseMaster(() -> { });
            for (Cluster.Slave slave : cluster.slaves()) {
                SlaveViews.awaitDiverged(slave.process(), Cluster.START_BOUND);
                SlaveViews.awaitRegistryCopy(slave.process(), Cluster.START_BOUND);
                Digest kept = Cluster.digest(slave.process());
                if (!kept.equals(before.get(slave.process().name()))) {
                    problem(slave.process().name() + " did not keep its data: " + kept);
                }
            }
            note("slaves diverged, each kept " + before.get("master").rows() + " readings");
            Map<String, Long> logFrom = new LinkedHashMap<>();
            cluster.slaves().forEach(s -> logFrom.put(s.process().name(), s.process().log().size()));
            String restored = cluster.restoreMasterFromSlaves();
            note(restored);
            healed();
            for (Cluster.Slave slave : cluster.slaves()) {
                long resyncs = slave.process().log().linesSince(logFrom.get(slave.process().name())).stream()
                        .filter(line -> line.contains("full resync")).count();
                if (resyncs > 0) {
                    problem(slave.process().name() + " resynced fully after the restore");
                }
            }
            note("rows the slaves re-applied: 0 (no full resync)");
            writer.start();
            sleep(AFTER_HEAL);
        }, () -> {
            assertThat(Cluster.digest(cluster.master()).stream()).as("the restored master's stream")
                    .isEqualTo(before.get("master").stream());
            for (Cluster.Slave slave : cluster.slaves()) {
                SlaveViews.awaitFollowing(slave.process(), Duration.ofSeconds(30));
            }
        });
    }

    @Test
    @Order(9)
    void noSecretAndNoAdminTokenAppearsInAnyNodeLogOfTheWholeScenario() throws IOException {
        List<String> secrets = cluster.secrets();
        assertThat(secrets).hasSizeGreaterThan(2);
        List<Path> logs = cluster.logs();
        assertThat(logs).isNotEmpty();
        for (Path log : logs) {
            String text = Files.readString(log);
            assertThat(text).as("%s is a node log", log).contains("listening on");
            for (String secret : secrets) {
                assertThat(text).as("%s must not contain a secret or the admin token", log).doesNotContain(secret);
            }
        }
    }

    /**
     * One live message of the master, captured on the channel, repeated as a JSON array of ~{@value #REPLAY_BYTES}
     * bytes: every copy is an already applied, correctly signed change, which slaves must ignore as a duplicate.
     * Published a few hundred times while a slave is frozen, it fills the kernel's socket buffers (MBs on loopback)
     * within a second, so Redis' own output buffer limit is reached at once rather than after half a minute of
     * ordinary writes; each copy stays far under the limit, so a subscriber that reads is never dropped.
     */
    private String replayOfOneLiveMessage() {
        String message = RespClient.firstMessage(cluster.redis().port(), cluster.channel(), Duration.ofSeconds(10))
                .strip();
        String element = message.startsWith("[") ? message.substring(1, message.length() - 1) : message;
        StringBuilder replay = new StringBuilder("[").append(element);
        while (replay.length() + element.length() + 2 < REPLAY_BYTES) {
            replay.append(',').append(element);
        }
        return replay.append(']').toString();
    }

    /** A change message as the master would publish it, but with a signature that is not the master's. */
    private static String change(int version, String stream, long seq, String city) {
        byte[] signature = new byte[64];
        new Random(seq).nextBytes(signature);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("v", version);
        fields.put("stream", stream);
        fields.put("seq", seq);
        fields.put("city", city);
        fields.put("temp", 21.5);
        fields.put("humidity", 50);
        fields.put("timestamp", Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString());
        fields.put("source", Writer.SOURCE);
        fields.put("sig", Base64.getEncoder().encodeToString(signature));
        try {
            return JsonHttp.MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
