package io.weathersync.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Footprint: a slave's RSS after 100,000 changes over 10,000 cities and its start → {@code listening on},
 * vs a bare Helidon hello server in a JVM with the same flags.
 */
final class FootprintBench {

    private static final int CHANGES = 100_000;
    private final Settings s;
    private final Nodes nodes;
    private final Api api = new Api();

    FootprintBench(Settings s, Nodes nodes) {
        this.s = s;
        this.nodes = nodes;
    }

    void run(Figure rss, Figure start) throws Exception {
        Instant base = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
        try (NodeProcess master = nodes.master("master-footprint", null, Map.of())) {
            for (long i = 0; i < CHANGES; i += 1000) {
                api.post(master.url() + "/api/publish", Api.readings("city-", i, 1000, s.cities(), base));
            }
            long last = CHANGES - 1;
            String probe = "/api/weather/latest?city=city-" + (last % s.cities());
            String expected = base.plusSeconds(60 * (last / s.cities())).toString();
            for (int run = 0; run < 3; run++) {
                int port = Nodes.freePort();
                String[] creds = api.registerSlave(master.url(), "foot" + run, "http://127.0.0.1:" + port);
                try (NodeProcess slave = nodes.slave("slave-foot" + run, port, master.url(), creds, Map.of())
                        .waitReady(120, "footprint slave")) {
                    long deadline = System.nanoTime() + 300_000_000_000L;
                    while (!expected.equals(api.latestTimestamp(slave.url() + probe))) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("footprint slave did not catch up");
                        }
                        Thread.sleep(100);
                    }
                    start.ours.add(slave.startMillis());
                    rss.ours.add(slave.rssMiB());
                }
            }
        }
        for (int run = 0; run < 3; run++) {
            try (NodeProcess bare = nodes.bare("bare-hello" + run, "hello")) {
                api.getStatus(bare.url() + "/hello");
                start.raw.add(bare.startMillis());
                rss.raw.add(bare.rssMiB());
            }
        }
        rss.rawName = "bare Helidon hello server, same JVM flags (" + String.join(" ", Nodes.JVM) + ")";
        start.rawName = rss.rawName + "; launch → its listening line";
        rss.note = "slave on embedded defaults (H2), caught up from an H2 master holding " + CHANGES
                + " changes over " + s.cities() + " cities; RSS from /proc after it serves the last change";
    }
}
