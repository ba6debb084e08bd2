package io.weathersync.bench;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What metrics and tracing cost (issue 18: under 3 % of ingest and read throughput): two masters on their H2 files,
 * one with {@code METRICS_ENABLED} and {@code TRACING_ENABLED} true, one with both false, measured in alternating
 * rounds (on, off, off, on, ...) so drift on this shared machine hits both alike, with the master not being measured
 * frozen so its background threads take no core. The pair is started afresh {@link #FORKS} times, since how the JIT
 * compiles a JVM's hot code differs from one JVM to the next (as JMH forks for). "ours" is telemetry on, "raw" is
 * telemetry off; the ratio is the median of all rounds' on/off ratios, and the note gives each of them (their spread
 * is the noise) and the server's CPU time per operation, read from /proc, on and off.
 */
final class TelemetryBench {

    private static final Instant BASE = Instant.now().minus(200, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    private static final int FORKS = 3;
    private static final int ROUNDS = 8;
    private static final int CITIES = 100;
    private final Settings s;
    private final Nodes nodes;
    private final Api api = new Api();

    TelemetryBench(Settings s, Nodes nodes) {
        this.s = s;
        this.nodes = nodes;
    }

    void run(Figure ingest, Figure read, Figure ingestShare, Figure readShare) throws Exception {
        int forks = s.quick() ? 1 : FORKS;
        int batches = s.quick() ? 10 : 40;
        int seconds = 2;
        Cpu ingestCpu = new Cpu();
        Cpu readCpu = new Cpu();
        for (int fork = 0; fork < forks; fork++) {
            NodeProcess[] sides = {
                nodes.master("master-telemetry-on-" + fork, null,
                        Map.of("METRICS_ENABLED", "true", "TRACING_ENABLED", "true")),
                nodes.master("master-telemetry-off-" + fork, null,
                        Map.of("METRICS_ENABLED", "false", "TRACING_ENABLED", "false"))};
            try {
                measureFork(sides, batches, seconds, ingest, read, ingestCpu, readCpu);
            } finally {
                sides[0].close();
                sides[1].close();
            }
        }
        ingest.rawName = "the same master with METRICS_ENABLED=false TRACING_ENABLED=false";
        read.rawName = ingest.rawName;
        String paired = "; " + forks + " pairs of masters started afresh, " + ROUNDS + " rounds each, the other master "
                + "frozen (SIGSTOP) while one is measured; ratio = median of the rounds' on/off ratios: ";
        ingest.note = "POST /api/publish of 1,000 new readings, sequential, " + batches + " batches a round, H2"
                + paired + ratios(ingest) + "; " + ingestCpu.summary("server CPU per batch", "ms", 1e-3);
        read.note = "GET /api/weather/latest?city= (random of " + CITIES + " cities), wrk -t2 -c64, " + seconds
                + " s a round" + paired + ratios(read) + "; " + readCpu.summary("server CPU per request", "µs", 1);

        // What telemetry's own code costs (JMH, TelemetryBenchmark), against the server's CPU per operation with
        // telemetry off, measured above: precise where the on/off throughput is not.
        Map<String, Double> nanos = jmhNanos();
        double request = nanos.get("request");
        double batch = nanos.get("batch");
        ingestShare.ours.add(100 * (request + batch) / (ingestCpu.medianOff() * 1000));
        readShare.ours.add(100 * request / (readCpu.medianOff() * 1000));
        String how = " (JMH TelemetryBenchmark, 1 fork, 5 × 1 s after 3 × 1 s warm-up) against the server's CPU per ";
        ingestShare.note = String.format(Locale.ROOT, "a request's telemetry (%.0f ns) plus the counters by source "
                + "and city of a batch of 1,000 (%.1f µs)%s1,000-reading publish with telemetry off (%.1f ms, above)",
                request, batch / 1000, how, ingestCpu.medianOff() / 1000);
        readShare.note = String.format(Locale.ROOT, "a request's telemetry: trace made, MDC set and cleared, "
                + "traceparent echoed, request timed (%.0f ns)%sread with telemetry off (%.1f µs, above)", request, how,
                readCpu.medianOff());
    }

    /** TelemetryBenchmark's scores, in nanoseconds per operation, by benchmark method. */
    private static Map<String, Double> jmhNanos() throws RunnerException {
        Options options = new OptionsBuilder().include(TelemetryBenchmark.class.getName() + "\\.")
                .forks(1).jvmArgs(Nodes.JVM).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1)).mode(Mode.AverageTime)
                .timeUnit(TimeUnit.NANOSECONDS).shouldFailOnError(true).verbosity(VerboseMode.SILENT).build();
        Map<String, Double> nanos = new HashMap<>();
        for (RunResult result : new Runner(options).run()) {
            String benchmark = result.getParams().getBenchmark();
            nanos.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
        }
        return nanos;
    }

    private void measureFork(NodeProcess[] sides, int batches, int seconds, Figure ingest, Figure read, Cpu ingestCpu,
                             Cpu readCpu) throws Exception {
        Path script = s.work().resolve("telemetry-cities.lua");
        Files.writeString(script, Wrk.randomSuffixScript("/api/weather/latest?city=tele-", CITIES));
        long[] next = {0, 0};
        // Warm-up, not counted: until the JIT's C2 code is in place a request costs twice what it does later.
        for (int w = 0; w < (s.quick() ? 1 : 4); w++) {
            for (int side = 0; side < 2; side++) {
                runOnly(sides, side);
                next[side] = ingest(sides[side], next[side], batches);
                Wrk.run(s.wrk(), sides[side].url(), script, seconds);
            }
        }
        for (int round = 0; round < ROUNDS; round++) {
            // Which goes first alternates too, so neither side always meets the other's leftovers (GC, I/O).
            double[] ingestRate = new double[2];
            double[] readRate = new double[2];
            for (int side : round % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0}) {
                NodeProcess master = sides[side];
                runOnly(sides, side);
                // Untimed: a node just thawed (or just started on) first refills its caches; without this the side
                // thawed more often in a round's order would be measured more often cold.
                next[side] = ingest(master, next[side], 2);
                Wrk.run(s.wrk(), master.url(), script, 1);
                long cpu = master.cpuMillis();
                long t0 = System.nanoTime();
                next[side] = ingest(master, next[side], batches);
                ingestRate[side] = batches * 1000 / ((System.nanoTime() - t0) / 1e9);
                ingestCpu.add(side, (master.cpuMillis() - cpu) * 1000.0 / batches);
                cpu = master.cpuMillis();
                Wrk.Run reads = Wrk.run(s.wrk(), master.url(), script, seconds);
                readRate[side] = reads.perSecond();
                readCpu.add(side, (master.cpuMillis() - cpu) * 1000.0 / reads.requests());
            }
            add(ingest, ingestRate);
            add(read, readRate);
        }
    }

    /** Lets only {@code side} run: the other JVM is frozen so that it takes no core from the one measured. */
    private static void runOnly(NodeProcess[] sides, int side) throws Exception {
        sides[side].resume();
        sides[1 - side].pause();
    }

    private static void add(Figure figure, double[] rates) {
        figure.ours.add(rates[0]);
        figure.raw.add(rates[1]);
        figure.pairs.add(rates[0] / rates[1]);
    }

    private static String ratios(Figure figure) {
        return String.join(", ", figure.pairs.stream().map(r -> String.format(Locale.ROOT, "%.3f", r)).toList())
                + figure.pairsInterval().map(i -> String.format(Locale.ROOT, " (median %.3f, 95 %% interval "
                        + "%.3f–%.3f)", figure.ratio(), i[0], i[1])).orElse("");
    }

    /** The measured master's CPU time per operation (µs), telemetry on (side 0) and off (side 1). */
    private static final class Cpu {
        private final List<Double> on = new ArrayList<>();
        private final List<Double> off = new ArrayList<>();

        void add(int side, double micros) {
            (side == 0 ? on : off).add(micros);
        }

        double medianOff() {
            return Stats.median(off);
        }

        String summary(String what, String unit, double scale) {
            double medianOn = Stats.median(on) * scale;
            double medianOff = Stats.median(off) * scale;
            return String.format(Locale.ROOT, "%s, on / off: median %.1f / %.1f %s (%.3f)", what, medianOn, medianOff,
                    unit, medianOn / medianOff);
        }
    }

    private long ingest(NodeProcess master, long from, int batches) throws Exception {
        String url = master.url() + "/api/publish";
        for (int b = 0; b < batches; b++) {
            api.post(url, Api.readings("tele-", from + b * 1000L, 1000, CITIES, BASE));
        }
        return from + batches * 1000L;
    }
}
