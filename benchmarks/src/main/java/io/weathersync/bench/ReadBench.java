package io.weathersync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * Read: wrk (2 threads, 64 connections) on a slave's {@code GET /api/weather/latest?city=} over 10,000 cities vs
 * a bare Helidon handler doing the same H2 primary-key read.
 */
final class ReadBench {

    private final Settings s;
    private final Nodes nodes;

    ReadBench(Settings s, Nodes nodes) {
        this.s = s;
        this.nodes = nodes;
    }

    void run(Figure rate, Figure p99, NodeProcess slave) throws Exception {
        Path script = s.work().resolve("cities.lua");
        Files.writeString(script, Wrk.randomSuffixScript("/api/weather/latest?city=city-", s.cities()));
        Path rawScript = s.work().resolve("cities-raw.lua");
        Files.writeString(rawScript, Files.readString(script).replace("/api/weather/latest", "/latest"));
        wrk(slave.url(), script);  // warm-up (JIT, H2 cache), not counted
        for (int run = 0; run < 3; run++) {
            Wrk.Run r = wrk(slave.url(), script);
            rate.ours.add(r.perSecond());
            p99.ours.add(r.p99Millis());
        }
        String h2 = "jdbc:h2:file:" + s.work().resolve("raw-read").resolve("read") + ";MODE=MySQL";
        try (Connection c = DriverManager.getConnection(h2, "sa", ""); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE bench_latest (city_key VARCHAR(255) PRIMARY KEY, city_name VARCHAR(100), "
                    + "temperature DOUBLE, humidity DOUBLE, observed_at BIGINT)");
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench_latest VALUES (?,?,?,?,?)")) {
                for (int i = 0; i < s.cities(); i++) {
                    ps.setString(1, "city-" + i);
                    ps.setString(2, "city-" + i);
                    ps.setDouble(3, 12.5);
                    ps.setDouble(4, 55);
                    ps.setLong(5, IngestBench.BASE.toEpochMilli());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
        try (NodeProcess bare = nodes.bare("bare-read", "read", h2)) {
            wrk(bare.url(), rawScript);
            for (int run = 0; run < 3; run++) {
                Wrk.Run r = wrk(bare.url(), rawScript);
                rate.raw.add(r.perSecond());
                p99.raw.add(r.p99Millis());
            }
        }
        rate.rawName = "bare Helidon handler, H2 file primary-key read (16 pooled connections)";
        p99.rawName = rate.rawName;
        rate.note = "wrk -t2 -c64 -d" + s.readSeconds() + "s, random city of " + s.cities()
                + " per request, after one uncounted warm-up run of each; ours = slave (H2) holding the catch-up "
                + "backlog";
    }

    private Wrk.Run wrk(String url, Path script) throws Exception {
        return Wrk.run(s.wrk(), url, script, s.readSeconds());
    }
}
