package io.weathersync.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * Catch-up: an empty H2 slave pulls the master's whole backlog (MariaDB) vs a plain JDBC streaming copy of the
 * same rows MariaDB → H2 file. The last slave is left running (full replica) for the read figure.
 */
final class CatchUpBench {

    private final Settings s;
    private final Nodes nodes;
    private final Api api = new Api();

    CatchUpBench(Settings s, Nodes nodes) {
        this.s = s;
        this.nodes = nodes;
    }

    NodeProcess run(Figure f, IngestBench.Backlog backlog) throws Exception {
        NodeProcess master = backlog.master();
        long head = api.appliedSeq(master.url());
        long last = backlog.changes() - 1;
        String probe = "/api/weather/latest?city=city-" + (last % s.cities());
        String expected = IngestBench.BASE.plusSeconds(60 * (last / s.cities())).toString();
        NodeProcess slave = null;
        int capped = 0;
        for (int run = 0; run < 3; run++) {
            if (slave != null) {
                slave.close();
            }
            int port = Nodes.freePort();
            String url = "http://127.0.0.1:" + port;     // known before the slave logs its listening line
            String[] creds = api.registerSlave(master.url(), "catchup" + run, url);
            String name = "slave-catchup" + run;
            LocalDateTime launched = LocalDateTime.now();
            slave = nodes.slave(name, port, master.url(), creds, Map.of());
            long t0 = System.nanoTime();
            // the last run always completes: the read figure needs the whole replica
            long cap = t0 + (run < 2 ? s.runCapSeconds() : 900L) * 1_000_000_000L;
            while (!expected.equals(api.latestTimestamp(url + probe))) {
                if (System.nanoTime() > cap) {
                    break;
                }
                Thread.sleep(100);
            }
            if (System.nanoTime() <= cap) {
                f.ours.add(head / ((System.nanoTime() - t0) / 1e9));
            } else if (run < 2) {
                capped++;
                f.ours.add(ResyncProgress.rate(nodes.log(name), launched));
            } else {
                throw new IllegalStateException("slave did not catch up in 900 s");
            }
        }
        raw(f, head);
        f.rawName = "plain JDBC streaming SELECT from MariaDB + batch INSERT (1,000/commit) into an H2 file, "
                + "each run capped at " + s.rawCapSeconds() + " s";
        f.note = "ours = from slave launch (JVM start included, ~1-2 s) until its latest reading of the last "
                + "change's city is visible (100 ms poll); " + head + " changes; " + capped + " of 3 runs stopped at "
                + "the " + s.runCapSeconds() + " s cap (the first two may be; the third always completes for the "
                + "read figure): a capped run's rate is the slave's last logged 'catch-up: through seq N' over the "
                + "time from launch to that line (a full resync serves the old generation, so applied_seq stays 0 "
                + "until it is done)";
        return slave;
    }

    private void raw(Figure f, long head) throws Exception {
        for (int run = 0; run < 3; run++) {
            String h2 = "jdbc:h2:file:" + s.work().resolve("raw-copy" + run).resolve("copy") + ";MODE=MySQL";
            long t0 = System.nanoTime();
            long rows = 0;
            double seconds;
            try (Connection in = DriverManager.getConnection(s.db(IngestBench.DB) + "?useSSL=false", "root", "");
                 Connection out = DriverManager.getConnection(h2, "sa", "")) {
                try (Statement st = out.createStatement()) {
                    st.execute("CREATE TABLE replica_readings (generation BIGINT NOT NULL, city_key VARCHAR(255) "
                            + "NOT NULL, observed_at BIGINT NOT NULL, city_name VARCHAR(100) NOT NULL, temperature "
                            + "DOUBLE NOT NULL, humidity DOUBLE NOT NULL, pressure DOUBLE, wind_speed DOUBLE, "
                            + "wind_direction DOUBLE, precipitation DOUBLE, weather_code INT, source_name "
                            + "VARCHAR(32) NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (generation, city_key, observed_at))");
                    st.execute("CREATE INDEX replica_readings_seq ON replica_readings (generation, seq)");
                }
                out.setAutoCommit(false);
                try (Statement sel = in.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                     PreparedStatement ins = out.prepareStatement(
                             "INSERT INTO replica_readings VALUES (1,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                    sel.setFetchSize(Integer.MIN_VALUE);
                    try (ResultSet rs = sel.executeQuery("SELECT city_key, observed_at, city_name, temperature, "
                            + "humidity, pressure, wind_speed, wind_direction, precipitation, weather_code, "
                            + "source_name, seq FROM log_readings ORDER BY seq")) {
                        long cap = t0 + s.rawCapSeconds() * 1_000_000_000L;
                        while (rs.next() && (rows % 1000 != 0 || System.nanoTime() < cap)) {
                            for (int c = 1; c <= 12; c++) {
                                ins.setObject(c, rs.getObject(c));
                            }
                            ins.addBatch();
                            if (++rows % 1000 == 0) {
                                ins.executeBatch();
                                out.commit();
                            }
                        }
                        ins.executeBatch();
                        out.commit();
                        // before closing: closing a streaming result early reads (and drops) the rest
                        seconds = (System.nanoTime() - t0) / 1e9;
                    }
                }
            }
            f.raw.add(rows / seconds);
        }
    }
}
