package io.weathersync.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The peer an operator would pick instead: MariaDB's own replication (private primary with binlog ROW and a
 * replica, started by bin/bench). Backlog apply rate for the same rows, and live insert → visible latency.
 */
final class ReplicationPeer {

    private static final String DB = "wsb_repl";
    private final Settings s;

    ReplicationPeer(Settings s) {
        this.s = s;
    }

    void run(Figure apply, Figure p50, Figure p99) throws Exception {
        if (s.replicaUrl() == null) {
            throw new IllegalStateException("no private MariaDB replica (BENCH_REPLICA_URL unset)");
        }
        Sql.exec(s.primaryUrl(), "CREATE DATABASE IF NOT EXISTS " + DB);
        try (Connection primary = Sql.mysql(s.primaryUrl()); Connection replica = Sql.mysql(s.replicaUrl())) {
            long rows = Sql.count(primary, "SELECT COUNT(*) FROM " + IngestBench.DB + ".log_readings");
            for (int run = 0; run < 3; run++) {
                apply.ours.add(backlog(primary, replica, rows));
            }
            apply.note = rows + " rows of the master's log_readings, inserted on the primary in 1,000-row "
                    + "transactions while the replica's SQL thread is stopped; timed from START SLAVE SQL_THREAD "
                    + "until it has executed everything its IO thread read (50 ms poll)";
            for (int run = 0; run < 3; run++) {
                double[] ms = live(primary, replica, run);
                p50.ours.add(Stats.percentile(ms, 50));
                p99.ours.add(Stats.percentile(ms, 99));
            }
            p50.note = "one-row INSERT (autocommit) on the primary every 5 ms for " + s.rawSeconds() + " s; "
                    + "visibility = SELECT MAX(id) on the replica in a tight loop; from the scheduled insert";
        }
    }

    private double backlog(Connection primary, Connection replica, long rows) throws Exception {
        try (Statement p = primary.createStatement(); Statement r = replica.createStatement()) {
            p.execute("DROP TABLE IF EXISTS " + DB + ".peer");
            p.execute("CREATE TABLE " + DB + ".peer LIKE " + IngestBench.DB + ".log_readings");
            waitReplicaCaughtUp(r, p);
            r.execute("STOP SLAVE SQL_THREAD");
            for (long from = 0; from < rows + 1000; from += 1000) {
                p.execute("INSERT INTO " + DB + ".peer SELECT * FROM " + IngestBench.DB + ".log_readings WHERE seq > "
                        + from + " AND seq <= " + (from + 1000));
            }
            waitIoRead(r, p);
            long t0 = System.nanoTime();
            r.execute("START SLAVE SQL_THREAD");
            waitReplicaCaughtUp(r, p);
            return rows / ((System.nanoTime() - t0) / 1e9);
        }
    }

    private double[] live(Connection primary, Connection replica, int run) throws Exception {
        String table = DB + ".live" + run;
        try (Statement p = primary.createStatement()) {
            p.execute("DROP TABLE IF EXISTS " + table);
            p.execute("CREATE TABLE " + table + " (id BIGINT PRIMARY KEY, city VARCHAR(100), temp DOUBLE, "
                    + "humidity DOUBLE, observed_at BIGINT, payload VARCHAR(300))");
        }
        try (Statement r = replica.createStatement(); Statement p = primary.createStatement()) {
            waitReplicaCaughtUp(r, p);
        }
        int total = s.rawSeconds() * 200;
        long[] latency = new long[total];
        long start = System.nanoTime() + 50_000_000L;
        AtomicLong stop = new AtomicLong();
        Thread watch = Thread.ofPlatform().start(() -> {
            int seen = 0;
            try (Statement r = replica.createStatement()) {
                long deadline = Long.MAX_VALUE;
                while (seen < total && System.nanoTime() < deadline) {
                    try (ResultSet rs = r.executeQuery("SELECT COALESCE(MAX(id), -1) FROM " + table)) {
                        rs.next();
                        long max = rs.getLong(1);
                        long now = System.nanoTime();
                        for (; seen <= Math.min(max, total - 1); seen++) {
                            latency[seen] = now - (start + seen * 5_000_000L);
                        }
                    } catch (java.sql.SQLException e) {
                        // table not replicated yet
                    }
                    if (stop.get() != 0 && deadline == Long.MAX_VALUE) {
                        deadline = System.nanoTime() + 10_000_000_000L;
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        try (var ins = primary.prepareStatement("INSERT INTO " + table + " VALUES (?,?,?,?,?,?)")) {
            String pad = "x".repeat(200);
            for (int i = 0; i < total; i++) {
                long at = start + i * 5_000_000L;
                long wait;
                while ((wait = at - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(Math.min(wait, 200_000));
                }
                ins.setLong(1, i);
                ins.setString(2, "city-" + i % 10_000);
                ins.setDouble(3, 12.5);
                ins.setDouble(4, 50);
                ins.setLong(5, System.currentTimeMillis());
                ins.setString(6, pad);
                ins.executeUpdate();
            }
        }
        stop.set(1);
        watch.join(30_000);
        if (latency[total - 1] == 0) {
            throw new IllegalStateException("replica did not show all rows");
        }
        return Pacer.millis(latency, total);
    }

    private static String[] masterPos(Statement p) throws Exception {
        try (ResultSet rs = p.executeQuery("SHOW MASTER STATUS")) {
            rs.next();
            return new String[] {rs.getString("File"), Long.toString(rs.getLong("Position"))};
        }
    }

    private static void waitIoRead(Statement r, Statement p) throws Exception {
        String[] target = masterPos(p);
        poll(r, rs -> target[0].equals(rs.getString("Master_Log_File"))
                && Long.parseLong(target[1]) <= rs.getLong("Read_Master_Log_Pos"));
    }

    private static void waitReplicaCaughtUp(Statement r, Statement p) throws Exception {
        String[] target = masterPos(p);
        poll(r, rs -> target[0].equals(rs.getString("Relay_Master_Log_File"))
                && Long.parseLong(target[1]) <= rs.getLong("Exec_Master_Log_Pos"));
    }

    interface Check {
        boolean ok(ResultSet rs) throws Exception;
    }

    private static void poll(Statement r, Check check) throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (ResultSet rs = r.executeQuery("SHOW SLAVE STATUS")) {
                if (!rs.next()) {
                    throw new IllegalStateException("replica is not configured (SHOW SLAVE STATUS is empty)");
                }
                if (!"".equals(rs.getString("Last_SQL_Error"))) {
                    throw new IllegalStateException("replica SQL error: " + rs.getString("Last_SQL_Error"));
                }
                if (check.ok(rs)) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("replica did not reach the primary's position in 600 s");
    }
}
