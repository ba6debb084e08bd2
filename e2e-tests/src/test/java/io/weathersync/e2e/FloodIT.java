package io.weathersync.e2e;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's flood, against the jars (slave at -Xmx256m, HTTP push): 8 clients post 1 MB forged pushes to the
 * slave's receive endpoint for 30 s. The slave must refuse them without reading them (403, or 429 over the rate
 * limit), stay healthy and fast, keep applying the master's live changes, and never run out of memory.
 */
class FloodIT {

    private static final Duration FLOOD = Duration.ofSeconds(30);
    private static final int FLOODERS = 8;
    private static final Duration QUIET = Duration.ofSeconds(10);

    @Test
    void aForgedPushFloodNeitherStallsTheSlaveNorStopsLiveReplication() throws Exception {
        try (Cluster cluster = Cluster.start(Topology.HTTP_H2, Path.of(System.getProperty("e2e.outputDir", "target")),
                1)) {
            NodeProcess slave = cluster.slaves().getFirst().process();
            cluster.awaitConvergence(Duration.ofSeconds(60));
            publishAndAwait(cluster, slave, "warmup", Duration.ofSeconds(30)); // the slave has the push key now

            Map<Integer, AtomicLong> floodAnswers = new ConcurrentHashMap<>();
            AtomicBoolean flooding = new AtomicBoolean(true);
            List<Long> healthMs = Collections.synchronizedList(new ArrayList<>());
            List<Long> liveMs = new ArrayList<>();
            int port = Integer.parseInt(slave.url().substring(slave.url().lastIndexOf(':') + 1));
            byte[] megabyte = ("[" + "{\"v\":1,\"stream\":\"x\",\"seq\":1,\"city\":\"Forged\"},".repeat(20_000))
                    .getBytes(StandardCharsets.US_ASCII);
            // The same probe without the flood first: what this (shared, loaded) machine gives anyway.
            List<Long> quietMs = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean quiet = new AtomicBoolean(true);
            Thread quietProbe = Thread.ofPlatform().name("quiet-probe").start(() -> probe(slave, quiet, quietMs));
            Cluster.sleep(QUIET);
            quiet.set(false);
            quietProbe.join();
            Collections.sort(quietMs);
            String loadBefore = loadAverage();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < FLOODERS; i++) {
                    pool.submit(() -> {
                        while (flooding.get()) {
                            floodAnswers.computeIfAbsent(forgedPush(port, megabyte), s -> new AtomicLong())
                                    .incrementAndGet();
                        }
                    });
                }
                // The probe on a platform thread of its own: on the flooders' two virtual-thread carriers it would
                // measure this JVM's queue for a carrier as much as the slave's answer.
                Thread probe = Thread.ofPlatform().name("health-probe").start(() -> probe(slave, flooding, healthMs));
                Instant end = Instant.now().plus(FLOOD);
                for (int i = 0; Instant.now().isBefore(end); i++) {
                    liveMs.add(publishAndAwait(cluster, slave, "flood" + i, Duration.ofSeconds(20)));
                    Cluster.sleep(Duration.ofMillis(250));
                }
                flooding.set(false);
                probe.join();
            }
            Collections.sort(healthMs);
            Collections.sort(liveMs);
            boolean oom = slave.stdout().stream().anyMatch(line -> line.contains("OutOfMemoryError"));
            System.out.printf("[e2e] flood: without it, slave health p50 %d ms, p99 %d ms, max %d ms (%d probes, "
                            + "load average %s); during it, load average %s%n", pct(quietMs, 50), pct(quietMs, 99),
                    quietMs.getLast(), quietMs.size(), loadBefore, loadAverage());
            System.out.printf("[e2e] flood: %d x 1 MB forged pushes for %d s, answers %s; slave health p50 %d ms, p99 "
                            + "%d ms, max %d ms (%d probes); live changes p50 %d ms, p99 %d ms, max %d ms (%d "
                            + "changes); OOM: %s; slave alive: %s%n", FLOODERS, FLOOD.toSeconds(),
                    new TreeMap<>(Map.copyOf(floodAnswers)), pct(healthMs, 50), pct(healthMs, 99),
                    healthMs.getLast(), healthMs.size(), pct(liveMs, 50), pct(liveMs, 99), liveMs.getLast(),
                    liveMs.size(), oom ? "yes" : "no", slave.alive());

            assertThat(oom).isFalse();
            assertThat(slave.alive()).isTrue();
            assertThat(floodAnswers.keySet()).as("forged pushes are refused, never taken").doesNotContain(200);
            assertThat(pct(healthMs, 99)).as("health p99 during the flood, ms").isLessThan(500);
            assertThat(liveMs.size()).as("live changes delivered during the flood").isGreaterThan(20);
            cluster.awaitConvergence(Duration.ofSeconds(60));
        }
    }

    /** Calls the slave's health every 50 ms while {@code running}: the ms of each 200 (99,999 for another). */
    private static void probe(NodeProcess slave, AtomicBoolean running, List<Long> healthMs) {
        while (running.get()) {
            long started = System.nanoTime();
            int status = JsonHttp.get(slave.url() + "/api/health").status();
            healthMs.add(status == 200 ? Duration.ofNanos(System.nanoTime() - started).toMillis() : 99_999);
            Cluster.sleep(Duration.ofMillis(50));
        }
    }

    /** The machine's 1, 5 and 15 minute load averages (2 cores here), as the figures depend on them. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Publishes one reading of a new city on the master; the ms until the slave serves it. */
    private static long publishAndAwait(Cluster cluster, NodeProcess slave, String city, Duration bound) {
        Map<String, Object> reading = Map.of("city", city, "temp", 20.5, "humidity", 50, "timestamp",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60).toString());
        long started = System.nanoTime();
        JsonHttp.post(cluster.master().url() + "/api/publish", "Bearer " + cluster.adminToken(), List.of(reading))
                .expect(200, "publish " + city);
        while (Duration.ofNanos(System.nanoTime() - started).compareTo(bound) < 0) {
            if (JsonHttp.get(slave.url() + "/api/weather/latest?city=" + city).status() == 200) {
                return Duration.ofNanos(System.nanoTime() - started).toMillis();
            }
            Cluster.sleep(Duration.ofMillis(10));
        }
        throw new AssertionError(city + " did not reach the slave within " + bound);
    }

    /** Posts {@code body} as a forged push (a made-up signature) and returns the status, or -1 when cut off. */
    private static int forgedPush(int port, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/dms/sync/receive HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nX-Push-Time: " + Instant.now().getEpochSecond()
                    + "\r\nX-Push-Body-SHA256: 00\r\nX-Push-Signature: AAAA\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            try {
                out.write(body);
                out.flush();
            } catch (IOException refused) {
                // answered and closed before the body was taken: the point
            }
            byte[] head = socket.getInputStream().readNBytes(12);
            String line = new String(head, StandardCharsets.US_ASCII);
            return line.startsWith("HTTP/1.1 ") ? Integer.parseInt(line.substring(9, 12)) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private static long pct(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100));
    }
}
