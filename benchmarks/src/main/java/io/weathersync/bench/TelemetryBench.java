package io.weathersync.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What metrics and tracing cost (issue 18: under 3 % of ingest and read throughput): two masters on their H2 files,
 * one with {@code METRICS_ENABLED} and {@code TRACING_ENABLED} true, one with both false, measured in alternating
 * rounds (on, off, on, off, ...) so drift on this shared machine hits both alike. "ours" is telemetry on, "raw" is
 * telemetry off; the note gives each round's on/off ratio, whose spread is the noise.
 */
final class TelemetryBench {

    private static final Instant BASE = Instant.now().minus(200, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    private static final int ROUNDS = 6;
    private static final int CITIES = 100;
    private static final int READ_THREADS = 4;
    private final Settings s;
    private final Nodes nodes;
    private final Api api = new Api();

    TelemetryBench(Settings s, Nodes nodes) {
        this.s = s;
        this.nodes = nodes;
    }

    void run(Figure ingest, Figure read) throws Exception {
        NodeProcess on = nodes.master("master-telemetry-on", null,
                Map.of("METRICS_ENABLED", "true", "TRACING_ENABLED", "true"));
        NodeProcess off = nodes.master("master-telemetry-off", null,
                Map.of("METRICS_ENABLED", "false", "TRACING_ENABLED", "false"));
        try {
            int batches = s.quick() ? 10 : 30;
            long[] next = {0, 0};
            for (int w = 0; w < 2; w++) {   // warm-up: JIT and the H2 files, not counted
                next[0] = ingest(on, next[0], batches);
                next[1] = ingest(off, next[1], batches);
                readRate(on, 2);
                readRate(off, 2);
            }
            List<String> ingestRatios = new ArrayList<>();
            List<String> readRatios = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                // Which goes first alternates too, so neither side always meets the other's leftovers (GC, I/O).
                boolean onFirst = round % 2 == 0;
                double[] rates = new double[2];
                for (int side : onFirst ? new int[] {0, 1} : new int[] {1, 0}) {
                    long t0 = System.nanoTime();
                    next[side] = ingest(side == 0 ? on : off, next[side], batches);
                    rates[side] = batches * 1000 / ((System.nanoTime() - t0) / 1e9);
                }
                double onRate = rates[0];
                double offRate = rates[1];
                ingest.ours.add(onRate);
                ingest.raw.add(offRate);
                ingestRatios.add(String.format(Locale.ROOT, "%.3f", onRate / offRate));

                int seconds = s.quick() ? 3 : 5;
                double offRead = onFirst ? 0 : readRate(off, seconds);
                double onRead = readRate(on, seconds);
                if (onFirst) {
                    offRead = readRate(off, seconds);
                }
                read.ours.add(onRead);
                read.raw.add(offRead);
                readRatios.add(String.format(Locale.ROOT, "%.3f", onRead / offRead));
            }
            ingest.rawName = "the same master with METRICS_ENABLED=false TRACING_ENABLED=false";
            read.rawName = ingest.rawName;
            ingest.note = "POST /api/publish of 1,000 new readings, sequential, " + batches + " batches a round, "
                    + "H2; on/off per round: " + String.join(", ", ingestRatios) + " (median "
                    + medianOf(ingestRatios) + ")";
            read.note = "GET /api/weather/latest?city= from " + READ_THREADS + " threads; on/off per round: "
                    + String.join(", ", readRatios) + " (median " + medianOf(readRatios) + ")";
        } finally {
            on.close();
            off.close();
        }
    }

    /** The median of the rounds' ratios: robust to one round that a neighbour's load spoiled. */
    private static String medianOf(List<String> ratios) {
        return String.format(Locale.ROOT, "%.3f", Stats.median(ratios.stream().map(Double::valueOf).toList()));
    }

    private long ingest(NodeProcess master, long from, int batches) throws Exception {
        String url = master.url() + "/api/publish";
        for (int b = 0; b < batches; b++) {
            api.post(url, Api.readings("tele-", from + b * 1000L, 1000, CITIES, BASE));
        }
        return from + batches * 1000L;
    }

    /** Requests per second over {@code seconds}, {@link #READ_THREADS} client threads each one request at a time. */
    private double readRate(NodeProcess master, int seconds) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < READ_THREADS; t++) {
            int offset = t;
            threads.add(Thread.ofPlatform().start(() -> {
                Api client = new Api();
                long i = offset;
                try {
                    while (System.nanoTime() < end) {
                        if (client.getStatus(master.url() + "/api/weather/latest?city=tele-" + (i++ % CITIES)) != 200) {
                            throw new IllegalStateException("latest answered no reading");
                        }
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return done.get() / ((System.nanoTime() - t0) / 1e9);
    }
}
