package io.weathersync.bench;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Live latency at 1,000 changes/s: committed on the master → visible on an H2 slave, over Redis and over HTTP
 * push, vs raw Lettuce publish → receive and a bare Helidon POST round trip of the same size.
 */
final class LiveBench {

    /** About one signed change message on the wire (JSON with the seed-000 fields, stream, seq, sig). */
    static final int MESSAGE_BYTES = 330;
    private static final Instant BASE = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    private final Settings s;
    private final Nodes nodes;
    private final Api api = new Api();

    LiveBench(Settings s, Nodes nodes) {
        this.s = s;
        this.nodes = nodes;
    }

    /** Ours over Redis ({@code redis}) or HTTP push: three runs, each adding p50/p99/p99.9 to {@code f}. */
    void ours(boolean redis, Figure[] f) throws Exception {
        String db = redis ? "wsb_live_redis" : "wsb_live_http";
        Sql.exec(s.primaryUrl(), "DROP DATABASE IF EXISTS " + db, "CREATE DATABASE " + db);
        Map<String, String> bus = new HashMap<>();
        if (redis) {
            bus.put("REDIS_URI", s.redisUri());
            bus.put("REDIS_CHANNEL", "ws-bench-" + System.nanoTime());
            bus.put("REDIS_METRICS_KEY", Nodes.REDIS_METRICS_KEY);
        }
        try (NodeProcess master = nodes.master(db, s.db(db), bus)) {
            int port = Nodes.freePort();
            String[] creds = api.registerSlave(master.url(), "live", "http://127.0.0.1:" + port);
            try (NodeProcess slave = nodes.slave(db + "-slave", port, master.url(), creds, bus)
                    .waitReady(120, "live slave")) {
                waitFor(slave.url() + "/api/weather/latest?city=bench-idle", 60);
                oneRun(master, slave, "live-warm-up", new Figure[] {scratch(), scratch(), scratch()});
                double pollMs = 0;
                double late = 0;
                List<Double> scheduledP99 = new ArrayList<>();
                for (int run = 0; run < 3; run++) {
                    double[] r = oneRun(master, slave, "live-" + run, f);
                    pollMs = Math.max(pollMs, r[0]);
                    late = Math.max(late, r[1]);
                    scheduledP99.add(r[2]);
                }
                f[0].note = "changes posted to the master (POST /api/publish, 10 readings every 10 ms) after one "
                        + "uncounted warm-up run; visibility = the slave's GET /api/weather/latest?city= polled "
                        + "every 1 ms; latency counted from the POST that carried the change (so it includes the "
                        + "master's commit and is an upper bound of commit → applied), error <= one poll "
                        + String.format(Locale.ROOT, "(mean poll period %.2f ms). A POST went out at "
                        + "most %.0f ms after its scheduled time (the master's write path held the sender up); "
                        + "counted from the scheduled sends instead, p99 is %s ms (median of runs)", pollMs, late,
                        Figure.fmt(Stats.median(scheduledP99)));
            }
        }
    }

    private static Figure scratch() {
        return new Figure("live", "warm-up", "ms", Figure.Target.NONE, 0);
    }

    /**
     * One run into {@code f}, latency counted from each change's POST; returns the mean poll period, how late the
     * latest POST went out and the p99 counted from the scheduled sends (ms).
     */
    private double[] oneRun(NodeProcess master, NodeProcess slave, String city, Figure[] f) throws Exception {
        int total = s.liveSeconds() * 1000;
        long[] visible = new long[total];
        long[] sent = new long[total / Pacer.PER_BATCH];
        Pacer pacer = new Pacer();
        AtomicLong done = new AtomicLong(-1);
        Api poller = new Api();
        AtomicLong polls = new AtomicLong();
        Thread watch = Thread.ofPlatform().start(() -> {
            int seen = 0;
            long deadline = Long.MAX_VALUE;
            while (seen < total && System.nanoTime() < deadline) {
                try {
                    var node = poller.get(slave.url() + "/api/weather/latest?city=" + city);
                    long now = System.nanoTime();
                    polls.incrementAndGet();
                    int idx = (int) (Instant.parse(node.path("timestamp").asText()).getEpochSecond()
                            - BASE.getEpochSecond());
                    for (; seen <= Math.min(idx, total - 1); seen++) {
                        visible[seen] = now;
                    }
                } catch (Exception e) {
                    // not there yet (404) or a transient error: poll again
                }
                LockSupport.parkNanos(1_000_000);  // a tight loop would take a core from the nodes
                if (done.get() >= 0 && deadline == Long.MAX_VALUE) {
                    deadline = System.nanoTime() + 10_000_000_000L;
                }
            }
            done.set(seen);
        });
        long t0 = System.nanoTime();
        double late = pacer.run(s.liveSeconds(), first -> {
            StringBuilder b = new StringBuilder("[");
            for (long i = first; i < first + Pacer.PER_BATCH; i++) {
                if (i > first) {
                    b.append(',');
                }
                Api.reading(b, city, BASE.plusSeconds(i), 10 + i % 100 / 10.0, 50);
            }
            sent[(int) (first / Pacer.PER_BATCH)] = System.nanoTime();
            api.post(master.url() + "/api/publish", b.append(']').toString());
        });
        double elapsedMs = (System.nanoTime() - t0) / 1e6;
        done.set(0);
        watch.join(TimeUnit.SECONDS.toMillis(30));
        if (visible[total - 1] == 0) {
            throw new IllegalStateException("slave did not show all " + total + " changes within 10 s");
        }
        long[] fromPost = new long[total];
        long[] fromSchedule = new long[total];
        for (int i = 0; i < total; i++) {
            fromPost[i] = visible[i] - sent[i / Pacer.PER_BATCH];
            fromSchedule[i] = visible[i] - pacer.scheduled(i);
        }
        add(f, Pacer.millis(fromPost, total), false);
        return new double[] {elapsedMs / Math.max(1, polls.get()), late,
            Stats.percentile(Pacer.millis(fromSchedule, total), 99)};
    }

    /** Raw Lettuce publish → receive, same rate and message size, in one process. */
    void rawRedis(Figure[] f) throws Exception {
        RedisClient client = RedisClient.create(s.redisUri());
        try (StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
             var pub = client.connect()) {
            String channel = "ws-bench-raw-" + System.nanoTime();
            for (int run = 0; run < 3; run++) {
                int total = s.rawSeconds() * 1000;
                long[] latency = new long[total];
                Pacer pacer = new Pacer();
                AtomicLong received = new AtomicLong();
                var listener = new RedisPubSubAdapter<String, String>() {
                    @Override
                    public void message(String ch, String message) {
                        int i = Integer.parseInt(message.substring(0, message.indexOf(',')));
                        latency[i] = System.nanoTime() - pacer.scheduled(i);
                        received.incrementAndGet();
                    }
                };
                sub.addListener(listener);
                sub.sync().subscribe(channel);
                String pad = "x".repeat(MESSAGE_BYTES);
                var async = pub.async();
                pacer.run(s.rawSeconds(), first -> {
                    for (long i = first; i < first + Pacer.PER_BATCH; i++) {
                        async.publish(channel, (i + "," + pad).substring(0, MESSAGE_BYTES));
                    }
                });
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (received.get() < total && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                sub.sync().unsubscribe(channel);
                sub.removeListener(listener);
                add(f, Pacer.millis(latency, total), true);
            }
        } finally {
            client.shutdown();
        }
        f[0].rawName = "Lettuce PUBLISH → subscriber receive, " + MESSAGE_BYTES + "-byte messages, 1,000/s";
    }

    /** Bare Helidon POST round trip of the same body (10 changes every 10 ms). */
    void rawHttp(Figure[] f) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String body = "[" + String.join(",", Collections.nCopies(Pacer.PER_BATCH,
                "\"" + "x".repeat(MESSAGE_BYTES - 3) + "\"")) + "]";
        try (NodeProcess bare = nodes.bare("bare-echo", "echo")) {
            HttpRequest req = HttpRequest.newBuilder(URI.create(bare.url() + "/echo"))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            for (int run = 0; run < 3; run++) {
                int total = s.rawSeconds() * 1000;
                long[] latency = new long[total];
                Pacer pacer = new Pacer();
                pacer.run(s.rawSeconds(), first -> {
                    http.send(req, HttpResponse.BodyHandlers.ofString());
                    long now = System.nanoTime();
                    for (long i = first; i < first + Pacer.PER_BATCH; i++) {
                        latency[(int) i] = now - pacer.scheduled(i);
                    }
                });
                add(f, Pacer.millis(latency, total), true);
            }
        }
        f[0].rawName = "bare Helidon POST round trip, " + body.length() + "-byte body every 10 ms";
    }

    private static void add(Figure[] f, double[] ms, boolean raw) {
        double[] p = {Stats.percentile(ms, 50), Stats.percentile(ms, 99), Stats.percentile(ms, 99.9)};
        for (int i = 0; i < 3; i++) {
            (raw ? f[i].raw : f[i].ours).add(p[i]);
        }
    }

    private void waitFor(String url, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (api.getStatus(url) != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(url + " not 200 within " + seconds + " s");
            }
            Thread.sleep(50);
        }
    }
}
