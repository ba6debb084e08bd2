package io.weathersync.bench;

import java.nio.file.Path;
import java.util.Map;

/**
 * What one run of bin/bench uses: sizes (the issue's, or reduced with --quick), the jars, the private MariaDB
 * pair and Redis, all on 127.0.0.1.
 *
 * @param changes       backlog for ingest/catch-up (1,000,000; --quick 100,000)
 * @param cities        distinct cities (10,000)
 * @param liveSeconds   seconds of one live-latency run of ours (30; --quick 10)
 * @param rawSeconds    seconds of one raw live run and of one replica live run (10; --quick 5)
 * @param readSeconds   seconds of one wrk run (10; --quick 5)
 */
record Settings(boolean quick, int changes, int cities, int liveSeconds, int rawSeconds, int readSeconds,
                Path master, Path slave, Path work, String primaryUrl, String replicaUrl, String redisUri,
                String wrk, String classpath) {

    static Settings from(String[] args, Map<String, String> env) {
        boolean quick = java.util.Arrays.asList(args).contains("--quick");
        Path root = Path.of(env.getOrDefault("BENCH_ROOT", "."));
        return new Settings(quick, quick ? 100_000 : 1_000_000, 10_000, quick ? 10 : 30, quick ? 5 : 10,
                quick ? 5 : 10,
                root.resolve("app-master/target/app-master.jar"), root.resolve("app-slave/target/app-slave.jar"),
                Path.of(env.getOrDefault("BENCH_WORK", "/tmp/ws-bench")),
                env.getOrDefault("BENCH_PRIMARY_URL", "jdbc:mysql://127.0.0.1:3306/"),
                env.get("BENCH_REPLICA_URL"),
                env.getOrDefault("BENCH_REDIS_URI", "redis://127.0.0.1:6379"),
                env.getOrDefault("BENCH_WRK", "wrk"), System.getProperty("java.class.path"));
    }

    String db(String name) {
        return primaryUrl + name;
    }
}
