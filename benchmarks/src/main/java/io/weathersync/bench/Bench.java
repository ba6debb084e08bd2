package io.weathersync.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The end-to-end benchmark run by bin/bench: starts the real jars on 127.0.0.1, measures each figure 3 times
 * with its raw limit in the same run, prints the table and writes results/latest.md and latest.json (with
 * {@code --only NAME[,NAME]}, just those figure groups and what they need, into results/partial.*).
 */
public final class Bench {

    private Bench() {
    }

    /** A figure's measurement; an exception marks its figures "not measured" with the reason. */
    interface Step {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Settings s;
        try {
            s = Settings.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "; usage: Bench [--quick] [--only NAME[,NAME]]");
            System.exit(2);
            return;
        }
        // bin/bench's trap stops this JVM; the nodes it started go with it.
        Runtime.getRuntime().addShutdownHook(new Thread(() ->
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroy)));
        Files.createDirectories(s.work());
        Nodes nodes = new Nodes(s);
        Figures all = new Figures(s);
        boolean needCatchUp = s.wants("catch-up") || s.wants("read");
        Figure ingest = all.add(needCatchUp || s.wants("ingest"), new Figure("ingest", "ingest", "readings/s",
                Figure.Target.RATIO_AT_LEAST, 0.5));
        Figure ingestRedis = all.add("ingest", new Figure("ingest", "ingest on Redis (published, counted)",
                "readings/s", Figure.Target.RATIO_AT_LEAST, 0.5));
        Figure catchUp = all.add(needCatchUp, new Figure("catch-up", "catch-up into H2", "changes/s",
                Figure.Target.RATIO_AT_LEAST, 0.5));
        Figure readRate = all.add("read", new Figure("read", "read latest?city=", "req/s",
                Figure.Target.RATIO_AT_LEAST, 0.7));
        Figure readP99 = all.add("read", new Figure("read", "read p99", "ms", Figure.Target.NONE, 0));
        Figure[] redis = all.live("live Redis");
        Figure[] http = all.live("live HTTP push");
        Figure replApply = all.add("peer", new Figure("peer", "MariaDB replica apply of backlog", "rows/s",
                Figure.Target.NONE, 0));
        Figure replP50 = all.add("peer", new Figure("peer", "MariaDB replica live p50 at 200 rows/s", "ms",
                Figure.Target.NONE, 0));
        Figure replP99 = all.add("peer", new Figure("peer", "MariaDB replica live p99 at 200 rows/s", "ms",
                Figure.Target.NONE, 0));
        Figure rss = all.add("footprint", new Figure("footprint", "slave RSS after 100,000 changes / 10,000 cities",
                "MiB", Figure.Target.RATIO_AT_MOST, 2));
        Figure start = all.add("footprint", new Figure("footprint", "slave start → listening", "ms",
                Figure.Target.RATIO_AT_MOST, 2));
        Figure scale = all.add("scale", new Figure("scale", "scale: 10,000 cities poll → 2 slaves", "s",
                Figure.Target.ABSOLUTE_AT_MOST, 10));
        Figure requests = all.add("scale", new Figure("scale", "scale: HTTP requests per poll cycle", "requests",
                Figure.Target.NONE, 0));

        // Telemetry on/off runs only when asked for (bin/bench --telemetry): it is a check of issue 18's bound.
        boolean telemetry = s.only().contains("telemetry");
        Figure teleIngest = all.add(telemetry, new Figure("telemetry", "telemetry on/off: ingest", "readings/s",
                Figure.Target.RATIO_AT_LEAST, 0.97));
        Figure teleRead = all.add(telemetry, new Figure("telemetry", "telemetry on/off: read latest?city=", "req/s",
                Figure.Target.RATIO_AT_LEAST, 0.97));
        Figure teleIngestShare = all.add(telemetry, new Figure("telemetry",
                "telemetry's own code per publish of 1,000, share of the server's CPU", "%",
                Figure.Target.ABSOLUTE_AT_MOST, 3));
        Figure teleReadShare = all.add(telemetry, new Figure("telemetry",
                "telemetry's own code per read, share of the server's CPU", "%", Figure.Target.ABSOLUTE_AT_MOST, 3));

        IngestBench.Backlog[] master = new IngestBench.Backlog[1];
        NodeProcess[] slave = new NodeProcess[1];
        try {
            if (ingest != null) {
                step("ingest", ingest, () -> master[0] = new IngestBench(s, nodes).run(ingest));
            }
            if (ingestRedis != null) {
                step("ingest on Redis", ingestRedis, () -> new IngestBench(s, nodes).runOnRedis(ingestRedis,
                        require(ingest)));
            }
            if (catchUp != null) {
                step("catch-up", catchUp, () -> slave[0] = new CatchUpBench(s, nodes)
                        .run(catchUp, require(master[0])));
            }
            if (readRate != null) {
                step("read", readRate, () -> new ReadBench(s, nodes).run(readRate, readP99, require(slave[0])));
            }
        } finally {
            close(slave[0]);
            close(master[0] == null ? null : master[0].master());
        }
        LiveBench live = new LiveBench(s, nodes);
        if (redis != null) {
            step("live Redis", redis[0], () -> {
                live.ours(true, redis);
                live.rawRedis(redis);
            });
            step("live HTTP", http[0], () -> {
                live.ours(false, http);
                live.rawHttp(http);
            });
        }
        if (replApply != null) {
            step("peer (MariaDB replication)", replApply,
                    () -> new ReplicationPeer(s).run(replApply, replP50, replP99));
        }
        if (rss != null) {
            step("footprint", rss, () -> new FootprintBench(s, nodes).run(rss, start));
        }
        if (scale != null) {
            step("scale", scale, () -> new ScaleBench(s, nodes).run(scale, requests));
        }
        if (teleIngest != null) {
            step("telemetry on/off", teleIngest, () -> new TelemetryBench(s, nodes).run(teleIngest, teleRead,
                    teleIngestShare, teleReadShare));
        }
        compare(catchUp, replApply, redis == null ? null : redis[1], replP99);

        double seconds = (System.nanoTime() - t0) / 1e9;
        Path out = Path.of(System.getenv().getOrDefault("BENCH_RESULTS", "benchmarks/results"));
        String name = s.only().isEmpty() ? "latest" : "partial";
        Report.write(out, name, s, all.list(), seconds);
        System.out.println();
        System.out.println(Report.table(all.list()));
        System.out.println("written: " + out.resolve(name + ".md") + ", " + out.resolve(name + ".json"));
    }

    /** The peer's targets, when both sides ran (figures of groups not run are null). */
    private static void compare(Figure catchUp, Figure apply, Figure liveP99, Figure replP99) {
        if (catchUp != null && apply != null && catchUp.measured() && apply.measured()) {
            apply.note += (apply.note.isEmpty() ? "" : "; ") + "target: our catch-up " + Figure.fmt(Stats.median(catchUp.ours))
                    + " changes/s >= replica apply " + Figure.fmt(Stats.median(apply.ours)) + " rows/s: "
                    + (Stats.median(catchUp.ours) >= Stats.median(apply.ours) ? "met" : "NOT met");
        }
        if (liveP99 != null && replP99 != null && liveP99.measured() && replP99.measured()) {
            replP99.note += "target: our live p99 (Redis, 1,000/s) " + Figure.fmt(Stats.median(liveP99.ours))
                    + " ms <= replica p99 (200/s) " + Figure.fmt(Stats.median(replP99.ours)) + " ms: "
                    + (Stats.median(liveP99.ours) <= Stats.median(replP99.ours) ? "met" : "NOT met");
        }
    }

    private static <T> T require(T p) {
        if (p == null) {
            throw new IllegalStateException("needs the previous figure's node, which did not start");
        }
        return p;
    }

    private static void step(String what, Figure f, Step step) {
        System.out.println("== " + what);
        long t0 = System.nanoTime();
        try {
            step.run();
        } catch (Exception | Error e) {
            f.note = "not measured: " + e;
            System.out.println("   " + what + " failed: " + e);
        }
        System.out.printf("   %s: %.0f s%n", what, (System.nanoTime() - t0) / 1e9);
    }

    private static void close(NodeProcess p) {
        if (p != null) {
            p.close();
        }
    }
}
