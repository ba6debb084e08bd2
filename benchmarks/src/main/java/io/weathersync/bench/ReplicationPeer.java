package io.weathersync.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The peer an operator would pick instead: MariaDB's own replication (private primary with binlog ROW and a
 * replica filtered with {@code --replicate-do-db=wsb_repl}, started by bin/bench). Backlog apply rate for rows
 * shaped as the master's {@code log_readings}, and live insert → visible latency at 200 rows/s.
 * Every statement runs on connections whose database is {@code wsb_repl}: the replica filters statements
 * (DDL) by the current database, so a cross-database {@code CREATE TABLE wsb_repl.x} would be skipped there.
 */
final class ReplicationPeer {

    private static final String DB = "wsb_repl";
    private static final int CHUNK = 1000;
    private final Settings s;

    ReplicationPeer(Settings s) {
        this.s = s;
    }

    void run(Figure apply, Figure p50, Figure p99) throws Exception {
        if (s.replicaUrl() == null) {
            throw new IllegalStateException("no private MariaDB replica (BENCH_REPLICA_URL unset)");
        }
        // On both sides: the replica may skip the replicated CREATE DATABASE (no current database).
        Sql.exec(s.replicaUrl(), "CREATE DATABASE IF NOT EXISTS " + DB);
        Sql.exec(s.primaryUrl(), "CREATE DATABASE IF NOT EXISTS " + DB);
        try (Connection primary = Sql.mysql(s.primaryUrl() + DB);
             Connection replica = Sql.mysql(s.replicaUrl() + DB)) {
            for (int run = 0; run < 3; run++) {
                apply.ours.add(backlog(primary, replica, s.changes()));
            }
            apply.note = s.changes() + " rows shaped as the master's log_readings (same DDL, " + s.cities()
                    + " cities), inserted on the primary in " + CHUNK + "-row transactions (binlog ROW) while the "
                    + "replica's SQL thread is stopped; timed from START SLAVE SQL_THREAD until its "
                    + "Exec_Master_Log_Pos reaches the primary's position (10 ms poll), then the row count is checked";
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
            p.execute("DROP TABLE IF EXISTS peer");
            p.execute(PeerRows.CREATE_TABLE);
            waitReplicaCaughtUp(r, p);
            r.execute("STOP SLAVE SQL_THREAD");
            for (long from = 0; from < rows; from += CHUNK) {
                p.execute(PeerRows.insert(from + 1, Math.min(rows, from + CHUNK), s.cities()));
            }
            waitIoRead(r, p);
            long t0 = System.nanoTime();
            r.execute("START SLAVE SQL_THREAD");
            waitReplicaCaughtUp(r, p);
            double rate = rows / ((System.nanoTime() - t0) / 1e9);
            long applied = Sql.count(replica, "SELECT COUNT(*) FROM peer");
            if (applied != rows) {
                throw new IllegalStateException("replica holds " + applied + " rows of " + rows);
            }
            return rate;
        }
    }

    private double[] live(Connection primary, Connection replica, int run) throws Exception {
        String table = "live" + run;
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
            Thread.sleep(10);
        }
        throw new IllegalStateException("replica did not reach the primary's position in 600 s");
    }
}
