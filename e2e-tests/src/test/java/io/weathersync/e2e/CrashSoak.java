package io.weathersync.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Kills a node with {@code kill -9} again and again while it works, restarts it on the same store, and checks the
 * store after every restart: it opens, its head equals its rows (the {@link Writer} writes new readings only, so
 * every change is a row: fewer rows is a hole, more a torn batch), nothing acknowledged is lost, it did not have to
 * repair itself (the store's self-check logs a line when it does: counted as a torn batch), and it works again.
 */
final class CrashSoak {

    /** The line the stores' start-up self-check logs when it repaired something. */
    static final String REPAIRED = "store self-check: repaired";
    /** How long a restarted node may take to accept (a master) or apply (a slave) writes again. */
    static final Duration WORKS_AGAIN_BOUND = Duration.ofSeconds(30);
    /** How long a digest may keep timing out (it reads every row; a node just restarted may be busy catching up). */
    static final Duration DIGEST_BOUND = Duration.ofSeconds(120);
    /** How long a slave restarted on an empty store may take to resync everything the master holds. */
    static final Duration RESYNC_BOUND = Duration.ofSeconds(180);

    /** What one soak counted; all but cycles and batches must stay 0. */
    record Counts(String store, String role, int cycles, long batches, int torn, int holes, int lost, int wedged,
                  int refused, long maxRestartMillis, List<String> problems) {

        boolean clean() {
            return torn == 0 && holes == 0 && lost == 0 && wedged == 0 && refused == 0 && problems.isEmpty();
        }

        String row() {
            return String.format("| %s | %s | %d | %,d | %d | %d | %d | %d | %d | %,d |", store, role, cycles, batches,
                    torn, holes, lost, wedged, refused, maxRestartMillis);
        }

        static String header() {
            return "| store | killed | cycles | acknowledged batches | torn | holes | lost | wedged | refused to start"
                    + " | slowest restart, ms |\n|---|---|---|---|---|---|---|---|---|---|";
        }
    }

    private final String store;
    private final String role;
    private final Random random;
    private final Duration killAfterMin;
    private final Duration killAfterMax;
    private final List<String> problems = new ArrayList<>();
    private int cycles;
    private int torn;
    private int holes;
    private int lost;
    private int wedged;
    private int refused;
    private long maxRestartMillis;

    CrashSoak(String store, String role, long seed, Duration killAfterMin, Duration killAfterMax) {
        this.store = store;
        this.role = role;
        this.random = new Random(seed);
        this.killAfterMin = killAfterMin;
        this.killAfterMax = killAfterMax;
        System.out.printf("[soak] %s %s: seed %d, kill after %d-%d ms%n", store, role, seed, killAfterMin.toMillis(),
                killAfterMax.toMillis());
    }

    /** A random pause in the kill window. */
    Duration killDelay() {
        return killAfterMin.plusMillis((long) (random.nextDouble() * (killAfterMax.toMillis() - killAfterMin.toMillis())));
    }

    Random random() {
        return random;
    }

    /**
     * One master cycle: the writer writes as fast as it can, the master is killed, restarted and checked; the writer
     * then must get a batch acknowledged with the seq after the head.
     */
    void masterCycle(NodeProcess master, Writer writer) {
        cycles++;
        int ackedBefore = writer.acknowledgedCount();
        writer.start();
        Cluster.sleep(killDelay());
        master.kill9();
        writer.stop();
        long lastAcked = writer.acks().stream().mapToLong(Ledger.Ack::lastSeq).max().orElse(0);
        if (!restart(master)) {
            return;
        }
        Digest digest = digest(master);
        checkRows(master, digest);
        if (digest.appliedSeq() < lastAcked) {
            lost++;
            problem(master, "head " + digest.appliedSeq() + " is behind the last acknowledged seq " + lastAcked);
        }
        LossCheck.Result check = LossCheck.checkSince(master, writer, ackedBefore);
        if (check.lost() > 0) {
            lost++;
            problem(master, check.lost() + " of " + check.checked() + " readings acknowledged since the last kill are "
                    + "missing, e.g. " + check.examples());
        }
        int acksBefore = writer.acks().size();
        long start = System.nanoTime();
        boolean accepted = writer.writeBatch();
        if (!accepted) {
            wedged++;
            problem(master, "the first batch after the restart was not accepted within "
                    + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s: " + writer.failures());
        } else if (writer.acks().size() > acksBefore && writer.acks().getLast().firstSeq() <= digest.appliedSeq()) {
            // (Above the head + 1 is fine: the poll at start may have stored a simulated reading meanwhile.)
            holes++;
            problem(master, "the first batch after the restart got seq " + writer.acks().getLast().firstSeq()
                    + ", a seq the store already held (head " + digest.appliedSeq() + ")");
        }
        writer.clearFailures();
    }

    /**
     * One slave cycle: the slave is killed while it applies (live changes, or a backlog it catches up on, or, with
     * {@code wipe}, a full resync from an empty store), restarted and checked; it must then catch up with the head
     * the master had at the restart.
     */
    void slaveCycle(NodeProcess slave, NodeProcess master, Runnable wipe, boolean backlog) {
        cycles++;
        if (backlog || wipe != null) {
            // Down for a while, so that it has a backlog to catch up on, then killed in the middle of that.
            slave.kill9();
            if (wipe != null) {
                wipe.run();
            }
            Cluster.sleep(killDelay());
            if (!restart(slave)) {
                return;
            }
        }
        Cluster.sleep(killDelay());
        slave.kill9();
        if (!restart(slave)) {
            return;
        }
        checkRows(slave, digest(slave));
        long target = digest(master).appliedSeq();
        Duration bound = wipe == null ? WORKS_AGAIN_BOUND : RESYNC_BOUND;
        long deadline = System.nanoTime() + bound.toNanos();
        long applied = -1;
        while (System.nanoTime() < deadline) {
            applied = digest(slave).appliedSeq();
            if (applied >= target) {
                return;
            }
            Cluster.sleep(Duration.ofMillis(200));
        }
        wedged++;
        problem(slave, "applied seq " + applied + " did not reach the master's head " + target + " within "
                + bound.toSeconds() + " s of the restart");
    }

    private boolean restart(NodeProcess node) {
        long start = System.nanoTime();
        try {
            node.start(Cluster.START_BOUND);
        } catch (AssertionError e) {
            refused++;
            problem(node, "did not start: " + firstLine(e.getMessage()));
            return false;
        }
        maxRestartMillis = Math.max(maxRestartMillis, Duration.ofNanos(System.nanoTime() - start).toMillis());
        node.stdout().stream().filter(line -> line.contains(REPAIRED)).forEach(line -> {
            torn++;
            problem(node, "the store repaired itself at start: " + line);
        });
        return true;
    }

    /**
     * The node's digest, asked again while it times out (a digest reads every row, and a node just restarted on a
     * loaded machine may be busy catching up for longer than one request's 10 s: seen at a load average of 19).
     */
    /**
     * The node's digest, waited for up to {@link #DIGEST_BOUND}: one request at a time with the whole bound, since a
     * request given up on goes on scanning every row on the node, and retries every 10 s (the first form) piled up
     * such scans until none finished in time (a 333,000-row store at a load average of 23).
     */
    private static Digest digest(NodeProcess node) {
        long deadline = System.nanoTime() + DIGEST_BOUND.toNanos();
        while (true) {
            try {
                Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000_000L));
                return Digest.of(JsonHttp.get(node.url() + "/api/dms/digest", null, left)
                        .expect(200, node.name() + " digest").body());
            } catch (java.io.UncheckedIOException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Cluster.sleep(Duration.ofMillis(500));
            }
        }
    }

    private void checkRows(NodeProcess node, Digest digest) {
        if (digest.rows() > digest.appliedSeq()) {
            torn++;
            problem(node, digest.rows() + " rows but head " + digest.appliedSeq() + ": rows of an unfinished batch");
        } else if (digest.rows() < digest.appliedSeq()) {
            holes++;
            problem(node, digest.rows() + " rows but head " + digest.appliedSeq() + ": committed rows missing");
        }
    }

    private void problem(NodeProcess node, String what) {
        String text = "cycle " + cycles + ": " + node.name() + " " + what + " (log " + node.log() + ")";
        problems.add(text);
        System.out.println("[soak] " + text);
    }

    Counts counts(long batches) {
        return new Counts(store, role, cycles, batches, torn, holes, lost, wedged, refused, maxRestartMillis,
                List.copyOf(problems));
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
