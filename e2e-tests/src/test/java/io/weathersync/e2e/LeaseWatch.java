package io.weathersync.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watches who writes, for {@link PartitionIT}: reads the lease row and the log's head together from the database
 * (one consistent snapshot) every 250 ms, and posts a one-reading probe to each master every 500 ms, remembering
 * who acknowledged which seq. Since every seq assignment locks the lease row and checks its epoch, a seq given
 * under epoch E lies above the head of every snapshot with an older epoch and at or below the head of every
 * snapshot with a newer one: {@link #assertOneWriterAtATime} checks each acknowledged probe against that, with the
 * epochs its master's log says it took, and that the stored seqs are unique and contiguous.
 */
final class LeaseWatch implements AutoCloseable {

    /** The lease and the head in one snapshot. */
    record Snapshot(long at, long epoch, String holderUrl, long head) {
    }

    /** One probe: which master, when sent and answered (nanoTime), its status (0 = no answer), its seqs. */
    record Probe(String master, long sent, long answered, int status, long firstSeq, long lastSeq, long changes) {
    }

    private final NetnsMariaDb database;
    private final List<NodeProcess> masters;
    private final List<Snapshot> snapshots = new CopyOnWriteArrayList<>();
    private final List<Probe> probes = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> minutes = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private volatile String activeUrl;

    LeaseWatch(NetnsMariaDb database, List<NodeProcess> masters) {
        this.database = database;
        this.masters = List.copyOf(masters);
        this.activeUrl = masters.getFirst().url();
    }

    LeaseWatch start() {
        threads.add(Thread.ofPlatform().daemon().name("e2e-lease-watch").start(() -> loop(this::snapshot, 250)));
        for (NodeProcess master : masters) {
            threads.add(Thread.ofPlatform().daemon().name("e2e-probe-" + master.name())
                    .start(() -> loop(() -> probe(master), 500)));
        }
        return this;
    }

    private void loop(Runnable step, long everyMillis) {
        while (running) {
            try {
                step.run();
            } catch (RuntimeException | AssertionError e) {
                // The database or a master is cut off: the next round tries again.
            }
            if (running) {
                Cluster.sleep(Duration.ofMillis(everyMillis));
            }
        }
    }

    private void snapshot() {
        String row = database.query("SELECT l.epoch, l.holder_url, m.head FROM " + NetnsMariaDb.DATABASE
                + ".master_lease l JOIN " + NetnsMariaDb.DATABASE + ".log_meta m").strip();
        if (row.isEmpty()) {
            return;
        }
        String[] fields = row.split("\t");
        Snapshot snapshot = new Snapshot(System.nanoTime(), Long.parseLong(fields[0]), fields[1],
                Long.parseLong(fields[2]));
        snapshots.add(snapshot);
        for (NodeProcess master : masters) {
            if (snapshot.holderUrl().endsWith(":" + master.port())) {
                activeUrl = master.url();
            }
        }
    }

    /** The URL (through its relay) of the master the lease names now. */
    String activeUrl() {
        return activeUrl;
    }

    /** Posts one new reading to {@code master} (5 s timeout) and records it; null when it did not answer. */
    JsonHttp.Reply probe(NodeProcess master) {
        int minute = minutes.merge(master.name(), 1, Integer::sum);
        Map<String, Object> reading = new LinkedHashMap<>();
        reading.put("city", "Probe-" + master.name());
        reading.put("temp", 10.5);
        reading.put("humidity", 40);
        reading.put("timestamp", Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(minute)).toString());
        long sent = System.nanoTime();
        JsonHttp.Reply reply;
        try {
            reply = JsonHttp.post(master.url() + "/api/publish", "Bearer partition-admin", List.of(reading),
                    Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            reply = null;
        }
        long answered = System.nanoTime();
        if (reply == null) {
            probes.add(new Probe(master.name(), sent, answered, 0, 0, 0, 0));
        } else {
            probes.add(new Probe(master.name(), sent, answered, reply.status(), reply.body().path("first_seq")
                    .asLong(), reply.body().path("last_seq").asLong(), reply.body().path("changes").asLong()));
        }
        return reply;
    }

    /** Waits for {@code master}'s first acknowledged probe sent after {@code since}; how long after it that was. */
    Duration awaitFirstWriteBy(NodeProcess master, long since, Duration bound) {
        long deadline = since + bound.toNanos();
        while (System.nanoTime() < deadline) {
            for (Probe probe : probes) {
                if (probe.master().equals(master.name()) && probe.sent() >= since && probe.status() == 200) {
                    return Duration.ofNanos(probe.answered() - since);
                }
            }
            Cluster.sleep(Duration.ofMillis(50));
        }
        throw new AssertionError(master.name() + " acknowledged no write within " + bound + "; probes: "
                + probes.stream().filter(p -> p.sent() >= since).map(p -> p.master() + ":" + p.status()).toList());
    }

    /** How many probes sent to {@code master} after {@code since} it acknowledged. */
    long acknowledgedBy(NodeProcess master, long since) {
        return probes.stream().filter(p -> p.master().equals(master.name()) && p.sent() >= since
                && p.status() == 200).count();
    }

    /** The epochs seen so far, each with its holder. */
    Map<Long, String> epochs() {
        Map<Long, String> epochs = new LinkedHashMap<>();
        snapshots.forEach(s -> epochs.putIfAbsent(s.epoch(), s.holderUrl()));
        return epochs;
    }

    /**
     * In the database: seqs unique and contiguous (every change is a new reading here), no two acknowledged batches
     * sharing a seq, epochs rising with one holder each, and every acknowledged probe inside an epoch its master held.
     */
    void assertOneWriterAtATime(Writer writer) {
        String[] fields = database.query("SELECT COUNT(*), COUNT(DISTINCT seq), COALESCE(MIN(seq), 0), "
                + "COALESCE(MAX(seq), 0), (SELECT head FROM " + NetnsMariaDb.DATABASE + ".log_meta) FROM "
                + NetnsMariaDb.DATABASE + ".log_readings").strip().split("\t");
        long rows = Long.parseLong(fields[0]);
        assertThat(Long.parseLong(fields[1])).as("distinct seqs of %s rows", rows).isEqualTo(rows);
        assertThat(Long.parseLong(fields[2])).as("lowest seq").isEqualTo(1);
        assertThat(Long.parseLong(fields[3])).as("highest seq (contiguous: rows %s)", rows).isEqualTo(rows);
        assertThat(Long.parseLong(fields[4])).as("the log's head").isEqualTo(rows);

        List<long[]> ranges = new ArrayList<>();
        writer.acks().forEach(ack -> ranges.add(new long[] {ack.firstSeq(), ack.lastSeq()}));
        probes.stream().filter(p -> p.status() == 200 && p.changes() > 0)
                .forEach(p -> ranges.add(new long[] {p.firstSeq(), p.lastSeq()}));
        ranges.sort((x, y) -> Long.compare(x[0], y[0]));
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i)[0]).as("acknowledged batches share no seq").isGreaterThan(ranges.get(i - 1)[1]);
        }

        List<Snapshot> seen = List.copyOf(snapshots);
        assertThat(seen).as("lease snapshots taken").isNotEmpty();
        Map<Long, String> holders = new LinkedHashMap<>();
        for (int i = 0; i < seen.size(); i++) {
            Snapshot s = seen.get(i);
            assertThat(holders.putIfAbsent(s.epoch(), s.holderUrl())).as("one holder for epoch %s", s.epoch())
                    .isIn(null, s.holderUrl());
            if (i > 0) {
                assertThat(s.epoch()).as("epochs never fall").isGreaterThanOrEqualTo(seen.get(i - 1).epoch());
            }
        }
        Map<String, List<Long>> taken = new LinkedHashMap<>();
        masters.forEach(m -> taken.put(m.name(), PartitionIT.epochsTaken(m)));
        long checked = 0;
        for (Probe probe : probes) {
            if (probe.status() != 200 || probe.changes() == 0) {
                continue;
            }
            checked++;
            List<Long> epochs = taken.get(probe.master());
            boolean inside = epochs.stream().anyMatch(epoch -> seen.stream().allMatch(s ->
                    (s.epoch() >= epoch || s.head() < probe.firstSeq())
                            && (s.epoch() <= epoch || s.head() >= probe.lastSeq())));
            assertThat(inside).as("%s acknowledged seq %s-%s inside one of its epochs %s (lease snapshots %s)",
                    probe.master(), probe.firstSeq(), probe.lastSeq(), epochs, epochs()).isTrue();
        }
        assertThat(checked).as("acknowledged probes").isPositive();
    }

    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
