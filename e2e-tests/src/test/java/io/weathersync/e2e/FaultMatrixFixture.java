package io.weathersync.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fault matrix's shared fixture: one cluster per topology (master + two slaves) that goes through the faults
 * in order, one test per fault, while a {@link Writer} feeds the master; after each fault every digest must
 * become equal within the fault's bound and no acknowledged reading may be missing. A fault that leaves the
 * slaves diverged is followed by a repair (wipe and resync), so the next fault is judged on its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class FaultMatrixFixture {

    /** Writing before a fault strikes, so it strikes a steady stream. */
    static final Duration STEADY = Duration.ofSeconds(1);
    /** Writing after the heal, so the healed node catches up while changes keep coming. */
    static final Duration AFTER_HEAL = Duration.ofSeconds(2);
    static final int SLAVES = 2;
    static final int CITIES = 50;
    static final int BATCH = 20;
    static final Duration EVERY = Duration.ofMillis(100);

    /** One step of a scenario. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    protected Cluster cluster;
    protected Writer writer;
    private long healedAt;
    private final List<String> notes = new ArrayList<>();
    private final List<String> found = new ArrayList<>();
    private boolean previousFailed;

    abstract Topology topology();

    @BeforeAll
    void startCluster() {
        long start = System.nanoTime();
        try {
            cluster = Cluster.start(topology(), Path.of(System.getProperty("e2e.outputDir", "target")), SLAVES);
        } catch (RuntimeException | AssertionError e) {
            ResultsTable.add(new ResultsTable.Row("cluster start", topology().label(), "—", "—", "—", "—", "—",
                    "FAILED: " + firstLine(String.valueOf(e.getMessage()))));
            throw e;
        }
        writer = new Writer(() -> cluster.master().url(), cluster.adminToken(), CITIES, BATCH, EVERY);
        try {
            Duration first = cluster.awaitConvergence(Duration.ofSeconds(30));
            System.out.printf("[e2e] %s: master + %d slaves up and converged in %.1f s (first digests equal after "
                    + "%.1f s)%n", topology().label(), SLAVES, seconds(Duration.ofNanos(System.nanoTime() - start)),
                    seconds(first));
        } catch (AssertionError e) {
            cluster.printLogTails(40);
            throw e;
        }
    }

    @BeforeEach
    void everyNodeRunningAndConverged() {
        cluster.ensureRunning();
        if (previousFailed) {
            previousFailed = false;
            repairDivergence();
        }
    }

    @AfterEach
    void writerStopped() {
        writer.stop();
    }

    @AfterAll
    void stopCluster() {
        if (writer != null) {
            writer.stop();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (StartedProcesses.count() > 0) {
            System.out.println("[e2e] WARNING: " + StartedProcesses.count() + " child processes still running after "
                    + topology().label() + "; the JVM's shutdown hook will kill them");
        }
        ResultsTable.print();
    }

    /** Stamps the moment the fault was healed (restart done, SIGCONT sent, right restored...). */
    protected void healed() {
        healedAt = System.nanoTime();
    }

    /** Adds a remark to this fault's row (e.g. how long Redis took to drop a subscriber). */
    protected void note(String remark) {
        notes.add(remark);
    }

    /** Records a problem seen during the scenario; the fault still runs to the end, then fails with it. */
    protected void problem(String description) {
        found.add(description);
    }

    /**
     * Runs {@code scenario} (which breaks something, heals it, calls {@link #healed} and leaves the writer in any
     * state), stops the writer, then measures convergence against {@code bound}, checks that nothing acknowledged
     * was lost and that seqs were handed out once each, runs {@code checks}, records the row, and fails with every
     * problem found.
     */
    protected void fault(String fault, Duration bound, Step scenario, Step checks) throws Exception {
        long changesBefore = writer.changesAcked();
        writer.clearFailures();
        notes.clear();
        found.clear();
        healedAt = 0;
        try {
            scenario.run();
        } catch (Exception | AssertionError e) {
            writer.stop();
            previousFailed = true;
            ResultsTable.add(new ResultsTable.Row(fault, topology().label(), "—", "—",
                    Long.toString(writer.changesAcked() - changesBefore), "?", "≤ " + bound.toSeconds() + " s",
                    "FAILED: " + firstLine(String.valueOf(e.getMessage()))));
            System.out.println("[e2e] " + topology().label() + " / " + fault + " FAILED: " + e.getMessage());
            cluster.printLogTails(40);
            throw e;
        }
        writer.stop();
        List<String> problems = new ArrayList<>(found);
        String converged;
        String sinceHeal;
        try {
            Duration took = cluster.awaitConvergence(bound);
            converged = format(took);
            sinceHeal = healedAt == 0 ? "—" : format(Duration.ofNanos(System.nanoTime() - healedAt));
        } catch (AssertionError e) {
            problems.add(e.getMessage());
            converged = "> " + bound.toSeconds() + " s";
            sinceHeal = "—";
        }
        long changes = writer.changesAcked() - changesBefore;
        LossCheck.Result loss = LossCheck.check(cluster.master(), writer);
        if (loss.lost() > 0) {
            problems.add(loss.lost() + " of " + loss.checked() + " acknowledged readings missing or changed on the "
                    + "master, e.g. " + loss.examples());
        }
        problems.addAll(LossCheck.seqProblems(writer.acks()).stream().limit(5).toList());
        for (NodeProcess node : cluster.nodes()) {
            if (!node.alive()) {
                problems.add(node.name() + " is not running (log " + node.log() + ")");
            }
        }
        if (problems.isEmpty()) {
            try {
                checks.run();
            } catch (AssertionError e) {
                problems.add(e.getMessage());
            }
        }
        String remarks = notes.isEmpty() ? "" : "; " + String.join("; ", notes);
        ResultsTable.add(new ResultsTable.Row(fault, topology().label(), converged, sinceHeal, Long.toString(changes),
                Integer.toString(loss.lost()), "≤ " + bound.toSeconds() + " s",
                (problems.isEmpty() ? "ok" : "FAILED: " + firstLine(problems.getFirst())) + remarks));
        System.out.printf("[e2e] %s | %s: digests equal after the last write: %s (since the heal: %s), %d changes "
                        + "written meanwhile, %d acknowledged readings checked, %d lost; bound %d s; writer failures: "
                        + "%s%s%n", topology().label(), fault, converged, sinceHeal, changes, loss.checked(), loss.lost(),
                bound.toSeconds(), writer.failures(), remarks);
        if (!problems.isEmpty()) {
            previousFailed = true;
            System.out.println("[e2e] " + topology().label() + " / " + fault + " FAILED:\n  " + String.join("\n  ", problems));
            cluster.printLogTails(40);
            throw new AssertionError(topology().label() + " / " + fault + ":\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * After a failed fault: when the slaves do not converge on their own, wipes each diverged slave and lets it
     * resync, so the next fault starts from equal digests (the failure itself is already recorded).
     */
    private void repairDivergence() {
        writer.forgetAll();
        try {
            cluster.awaitConvergence(Duration.ofSeconds(10));
            return;
        } catch (AssertionError e) {
            System.out.println("[e2e] " + topology().label() + ": still diverged after the failed fault; repairing by "
                    + "wiping the diverged slaves:\n" + e.getMessage());
        }
        Digest master = Cluster.digest(cluster.master());
        for (Cluster.Slave slave : cluster.slaves()) {
            NodeProcess node = slave.process();
            if (!master.equals(Cluster.digest(node))) {
                node.stop(Cluster.STOP_BOUND);
                cluster.wipe(cluster.slaveDataDir(node.name()));
                node.start(Cluster.START_BOUND);
            }
        }
        cluster.awaitConvergence(Duration.ofSeconds(30));
    }

    /** Records in the results table that a fault does not apply to this topology, and why. */
    protected void notApplicable(String fault, String reason) {
        ResultsTable.add(new ResultsTable.Row(fault, topology().label(), "n/a", "n/a", "—", "—", "—", "n/a: " + reason));
    }

    /** The slaves behind the master right now (evidence that a fault really left something to repair). */
    protected List<String> behind() {
        Digest master = Cluster.digest(cluster.master());
        List<String> behind = new ArrayList<>();
        for (Cluster.Slave slave : cluster.slaves()) {
            Digest digest = Cluster.digest(slave.process());
            if (digest.appliedSeq() < master.appliedSeq()) {
                behind.add(slave.process().name() + " at " + digest.appliedSeq() + " < " + master.appliedSeq());
            }
        }
        return behind;
    }

    protected Map<String, Long> slavePids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        cluster.slaves().forEach(s -> pids.put(s.process().name(), s.process().pid()));
        return pids;
    }

    protected NodeProcess slave(int index) {
        return cluster.slaves().get(index).process();
    }

    static void sleep(Duration duration) {
        Cluster.sleep(duration);
    }

    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    static String format(Duration duration) {
        return String.format("%.2f s", seconds(duration));
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return (line.length() > 200 ? line.substring(0, 200) + "…" : line).replace("|", "/");
    }
}
