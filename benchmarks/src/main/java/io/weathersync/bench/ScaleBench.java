package io.weathersync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scale: one poll cycle of 10,000 cities against a local fake Open-Meteo → stored by a MariaDB master →
 * applied on 2 H2 slaves over Redis. Timed from the cycle's first request to the fake until both slaves'
 * applied seq reach the master's head before the cycle + 10,000 (every city changes each cycle); HTTP requests
 * the fake served in that cycle are counted. The master's start-up cycle is the warm-up; 3 later ones count.
 */
final class ScaleBench {

    private static final String DB = "wsb_scale";
    private static final int POLL_SECONDS = 8;
    private static final long CYCLE_TIMEOUT_NANOS = 180_000_000_000L;
    private final Settings s;
    private final Nodes nodes;
    private final Api api = new Api();

    ScaleBench(Settings s, Nodes nodes) {
        this.s = s;
        this.nodes = nodes;
    }

    void run(Figure seconds, Figure requests) throws Exception {
        Sql.exec(s.primaryUrl(), "DROP DATABASE IF EXISTS " + DB, "CREATE DATABASE " + DB);
        Path config = s.work().resolve("scale-master.yaml");
        Files.writeString(config, citiesYaml(s.cities()));
        Map<String, String> env = new HashMap<>();
        env.put("REDIS_URI", s.redisUri());
        env.put("REDIS_CHANNEL", "ws-bench-scale-" + System.nanoTime());
        env.put("REDIS_METRICS_KEY", Nodes.REDIS_METRICS_KEY);
        try (FakeOpenMeteo fake = new FakeOpenMeteo()) {
            Map<String, String> masterEnv = new HashMap<>(env);
            masterEnv.putAll(Map.of("WEATHER_SOURCE", "open-meteo", "OPEN_METEO_URL", fake.url(),
                    "WEATHER_POLL_INTERVAL", Integer.toString(POLL_SECONDS)));
            try (NodeProcess master = nodes.master("master-scale", s.db(DB), masterEnv, config);
                 NodeProcess a = slave("scale-a", master, env);
                 NodeProcess b = slave("scale-b", master, env)) {
                List<String> slaves = List.of(a.url(), b.url());
                for (int run = 0; run < 3; run++) {
                    FakeOpenMeteo.Cycle c = oneCycle(fake, master, slaves);
                    seconds.ours.add(c.firstNanos() / 1e9);
                    requests.ours.add((double) c.requests());
                }
            }
        }
        seconds.note = s.cities() + " cities (name@lat,lon in a --config YAML file), Open-Meteo source on a local fake "
                + "(JDK HttpServer, the API's multi-location JSON) whose observation time moves 15 min per cycle; "
                + "master on MariaDB, 2 H2 slaves over Redis; from the cycle's first request to the fake until both "
                + "slaves' applied_seq (GET /api/dms/digest, 20 ms poll) reach the master's head + " + s.cities()
                + "; the master's start-up cycle is not counted";
        requests.note = "HTTP requests the fake served per cycle (Open-Meteo itself counts one call per location: "
                + s.cities() + ")";
    }

    private NodeProcess slave(String name, NodeProcess master, Map<String, String> env) throws Exception {
        int port = Nodes.freePort();
        String[] creds = api.registerSlave(master.url(), name, "http://127.0.0.1:" + port);
        return nodes.slave(name, port, master.url(), creds, env).waitReady(120, "slave " + name);
    }

    /** Waits for an idle, converged system, then times the next cycle; firstNanos holds the duration. */
    private FakeOpenMeteo.Cycle oneCycle(FakeOpenMeteo fake, NodeProcess master, List<String> slaves)
            throws Exception {
        long deadline = System.nanoTime() + CYCLE_TIMEOUT_NANOS;
        long head;
        int seen;
        do {
            check(deadline, "the master and slaves did not settle between poll cycles");
            Thread.sleep(100);
            seen = fake.cycles().size();
            head = api.appliedSeq(master.url());
        } while (seen == 0 || !fake.quiet() || minApplied(slaves) < head || fake.cycles().size() != seen);
        while (fake.cycles().size() == seen) {
            check(deadline, "no poll cycle started within " + CYCLE_TIMEOUT_NANOS / 1_000_000_000L + " s");
            Thread.sleep(5);
        }
        long target = head + s.cities();
        while (minApplied(slaves) < target) {
            check(deadline, "slaves did not reach seq " + target + " (a city not stored or not delivered?)");
            Thread.sleep(20);
        }
        long end = System.nanoTime();
        while (!fake.quiet()) {
            Thread.sleep(100);
        }
        FakeOpenMeteo.Cycle c = fake.cycles().get(seen);
        System.out.printf(Locale.ROOT, "   scale cycle %d: %.2f s, %d requests%n", c.index(),
                (end - c.firstNanos()) / 1e9, c.requests());
        return new FakeOpenMeteo.Cycle(c.index(), end - c.firstNanos(), c.requests(), c.observedAt());
    }

    private long minApplied(List<String> slaves) throws Exception {
        long min = Long.MAX_VALUE;
        for (String slave : slaves) {
            min = Math.min(min, api.appliedSeq(slave));
        }
        return min;
    }

    private static void check(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(what);
        }
    }

    /**
     * {@code weather.cities} as one comma-separated YAML string of {@code scale-N@lat,lon}, spread over the globe.
     */
    static String citiesYaml(int cities) {
        StringBuilder b = new StringBuilder("weather:\n  cities: \"");
        for (int i = 0; i < cities; i++) {
            b.append(String.format(Locale.ROOT, "%sscale-%d@%.4f,%.4f", i == 0 ? "" : ",", i, -60 + (i / 100) * 1.2,
                    -179 + (i % 100) * 3.58));
        }
        return b.append("\"\n").toString();
    }
}
