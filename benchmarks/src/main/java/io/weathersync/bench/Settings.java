package io.weathersync.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one run of bin/bench uses: sizes (the issue's, or reduced with --quick), the figure groups to run
 * (--only), the jars, the private MariaDB pair and Redis, all on 127.0.0.1.
 *
 * @param changes       backlog for ingest/catch-up and the replica's backlog (1,000,000; --quick 100,000)
 * @param cities        distinct cities (10,000)
 * @param liveSeconds   seconds of one live-latency run of ours (30; --quick 10)
 * @param rawSeconds    seconds of one raw live run and of one replica live run (5)
 * @param readSeconds   seconds of one wrk run (5)
 * @param runCapSeconds the most one ingest or catch-up run of ours may take (20), and a raw copy run (10): the
 *                      product's own rate decides how much of the backlog fits, which keeps the full run under
 *                      15 minutes; the notes say what size was reached
 * @param only          the figure groups to run; empty = all
 */
record Settings(boolean quick, int changes, int cities, int liveSeconds, int rawSeconds, int readSeconds,
                int runCapSeconds,
                Set<String> only, Path master, Path slave, Path work, String primaryUrl, String replicaUrl,
                String redisUri, String wrk, String classpath) {

    /** The figure groups, in the order they run. */
    static final List<String> GROUPS = List.of("ingest", "catch-up", "read", "live", "peer", "footprint", "scale",
            "telemetry");

    static Settings from(String[] args, Map<String, String> env) {
        boolean quick = false;
        Set<String> only = Set.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--only needs NAME[,NAME]");
                    }
                    only = Set.copyOf(Arrays.asList(args[++i].split(",")));
                }
                default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
            }
        }
        for (String group : only) {
            if (!GROUPS.contains(group) && !group.equals("jmh")) {
                throw new IllegalArgumentException("unknown figure group '" + group + "'; known: " + GROUPS);
            }
        }
        Path root = Path.of(env.getOrDefault("BENCH_ROOT", "."));
        return new Settings(quick, quick ? 100_000 : 1_000_000, 10_000, quick ? 10 : 30, 5, 5, 20, only,
                root.resolve("app-master/target/app-master.jar"), root.resolve("app-slave/target/app-slave.jar"),
                Path.of(env.getOrDefault("BENCH_WORK", "/tmp/ws-bench")),
                nonEmpty(env.get("BENCH_PRIMARY_URL"), "jdbc:mysql://127.0.0.1:3306/"),
                nonEmpty(env.get("BENCH_REPLICA_URL"), null),
                env.getOrDefault("BENCH_REDIS_URI", "redis://127.0.0.1:6379"),
                env.getOrDefault("BENCH_WRK", "wrk"), System.getProperty("java.class.path"));
    }

    private static String nonEmpty(String value, String otherwise) {
        return value == null || value.isEmpty() ? otherwise : value;
    }

    /** Whether the figures of {@code group} are measured in this run. */
    boolean wants(String group) {
        return only.isEmpty() || only.contains(group);
    }

    /** The cap of one raw copy run: shorter than ours, since it only has to show the limit's rate. */
    int rawCapSeconds() {
        return 10;
    }

    String db(String name) {
        return primaryUrl + name;
    }
}
