package io.weathersync.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Ingest: readings/s through the master's whole write path into MariaDB (POST /api/publish, batches of 1,000
 * new readings) vs a plain JDBC batch insert of the same rows into a copy of {@code log_readings}.
 * The master is left running with the whole backlog for the catch-up figure.
 */
final class IngestBench {

    static final String DB = "wsb_master";
    static final Instant BASE = Instant.now().minus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
    private final Settings s;
    private final Nodes nodes;
    private final Api api = new Api();

    IngestBench(Settings s, Nodes nodes) {
        this.s = s;
        this.nodes = nodes;
    }

    /** The running master and how many {@code city-} changes it holds (head = changes + the 10,000 warm-up). */
    record Backlog(NodeProcess master, long changes) {
    }

    /**
     * Runs 3 runs of ours (each a third of s.changes(), or what fits in s.runCapSeconds()) and of the raw limit;
     * returns the running master.
     */
    Backlog run(Figure f) throws Exception {
        Sql.exec(s.primaryUrl(), "DROP DATABASE IF EXISTS " + DB, "CREATE DATABASE " + DB);
        NodeProcess master = nodes.master("master-ingest", s.db(DB), Map.of());
        String url = warmedUp(master);
        int perRun = s.changes() / 3;
        long next = 0;
        for (int run = 0; run < 3; run++) {
            int count = run == 2 ? s.changes() - 2 * perRun : perRun;
            next += timedRun(f, url, next, count);
        }
        raw(f, (int) (next / 3));
        f.rawName = "plain JDBC batch insert (1,000 rows/batch+commit, rewriteBatchedStatements) into a copy of log_readings";
        f.note = "ours = POST /api/publish of 1,000 new readings per request, sequential; MariaDB 10.11 private "
                + "primary (binlog ROW, as the replication peer); master's HTTP push has no slave registered; "
                + String.format(java.util.Locale.ROOT, "%,d of %,d changes posted (each run capped at %d s)", next,
                s.changes(), s.runCapSeconds());
        return new Backlog(master, next);
    }

    /**
     * The same publishes to a master on Redis, where each stored batch also goes out on the channel (a message per
     * change, no subscriber) and into seed 003's counters; held against {@code plain}'s raw limit. Runs of at most
     * 100,000 readings (the per-batch costs show within them), in a database of its own.
     */
    void runOnRedis(Figure f, Figure plain) throws Exception {
        String db = DB + "_redis";
        Sql.exec(s.primaryUrl(), "DROP DATABASE IF EXISTS " + db, "CREATE DATABASE " + db);
        Map<String, String> redis = Map.of("REDIS_URI", s.redisUri(), "REDIS_CHANNEL", "ws-bench-ingest-"
                + System.nanoTime(), "REDIS_METRICS_KEY", Nodes.REDIS_METRICS_KEY);
        int perRun = Math.min(s.changes() / 3, 100_000);
        try (NodeProcess master = nodes.master("master-ingest-redis", s.db(db), redis)) {
            String url = warmedUp(master);
            for (int run = 0; run < 3; run++) {
                timedRun(f, url, (long) run * perRun, perRun);
            }
        } finally {
            Sql.exec(s.primaryUrl(), "DROP DATABASE IF EXISTS " + db);
        }
        f.raw.addAll(plain.raw);
        f.rawName = plain.rawName + " (the same run's)";
        f.note = "ours = as for ingest, on a master with REDIS_URI: each batch also published on Redis (one message"
                + " per change) and counted into seed 003's hash (one script per batch); "
                + String.format(java.util.Locale.ROOT, "3 runs of %,d readings (each capped at %d s)", perRun,
                s.runCapSeconds());
    }

    /** {@code master}'s publish URL, after 10 publishes of 1,000 readings that are not counted. */
    private String warmedUp(NodeProcess master) throws Exception {
        String url = master.url() + "/api/publish";
        for (int w = 0; w < 10; w++) {
            api.post(url, Api.readings("warm-", w * 1000L, 1000, 1000, BASE));
        }
        return url;
    }

    /**
     * Publishes the new readings {@code from} to {@code from + count} in requests of 1,000, sequentially, for at most
     * the run cap; adds the readings/s to {@code f} and returns how many were posted.
     */
    private long timedRun(Figure f, String url, long from, long count) throws Exception {
        long t0 = System.nanoTime();
        long cap = t0 + s.runCapSeconds() * 1_000_000_000L;
        long i = from;
        for (; i < from + count && System.nanoTime() < cap; i += 1000) {
            api.post(url, Api.readings("city-", i, (int) Math.min(1000, from + count - i), s.cities(), BASE));
        }
        long posted = Math.min(i, from + count) - from;
        f.ours.add(posted / ((System.nanoTime() - t0) / 1e9));
        return posted;
    }

    private void raw(Figure f, int perRun) throws Exception {
        Sql.exec(s.db(DB), "DROP TABLE IF EXISTS raw_readings", "CREATE TABLE raw_readings LIKE log_readings");
        try (Connection c = Sql.mysql(s.db(DB))) {
            c.setAutoCommit(false);
            long next = 0;
            for (int run = 0; run < 3; run++) {
                long t0 = System.nanoTime();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO raw_readings (city_key, observed_at, "
                        + "city_name, temperature, humidity, pressure, wind_speed, wind_direction, precipitation, "
                        + "weather_code, source_name, seq) VALUES (?,?,?,?,?,?,?,NULL,NULL,NULL,?,?)")) {
                    for (long i = next; i < next + perRun; i++) {
                        String city = "city-" + (i % s.cities());
                        ps.setString(1, city);
                        ps.setLong(2, BASE.plusSeconds(60 * (i / s.cities())).toEpochMilli());
                        ps.setString(3, city);
                        ps.setDouble(4, 10 + (i % 200) / 10.0);
                        ps.setDouble(5, 40 + i % 50);
                        ps.setDouble(6, 1012.5);
                        ps.setDouble(7, 3.2);
                        ps.setString(8, "bench");
                        ps.setLong(9, i + 1);
                        ps.addBatch();
                        if ((i + 1 - next) % 1000 == 0) {
                            ps.executeBatch();
                            c.commit();
                        }
                    }
                    ps.executeBatch();
                    c.commit();
                }
                f.raw.add(perRun / ((System.nanoTime() - t0) / 1e9));
                next += perRun;
            }
        }
        Sql.exec(s.db(DB), "DROP TABLE raw_readings");
    }
}
