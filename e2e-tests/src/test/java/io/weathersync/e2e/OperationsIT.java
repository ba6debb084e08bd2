package io.weathersync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18 on real processes (Redis transport, master on MariaDB, a slave on H2, both with {@code LOG_FORMAT=json}
 * and {@code LOG_LEVEL=debug}): {@code /metrics} on the master and the slave after writes (some the slave caught up
 * at its start, some it got live), seed 003's counters in the shared Redis hash and as JSON from both nodes, the
 * probes, and one trace id in both nodes' log lines for a sync a client asked for and for a publish whose change
 * reached the slave on Redis.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration BOUND = Duration.ofSeconds(60);
    private final Path out = Path.of(System.getProperty("e2e.outputDir", "target")).resolve("operations");
    private Cluster cluster;
    private NodeProcess master;
    private NodeProcess slave;

    @BeforeAll
    void start() {
        cluster = Cluster.start(Topology.REDIS_MARIADB, out, 1);
        master = cluster.master();
        slave = cluster.slaves().getFirst().process();
        for (NodeProcess node : List.of(slave, master)) {
            node.stop(Cluster.STOP_BOUND);
            node.putEnv(Map.of("LOG_FORMAT", "json", "LOG_LEVEL", "debug", "NODE_NAME", node.name()));
        }
        master.start(Cluster.START_BOUND);
        Instant at = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        // Written while the slave is down: it catches them up at its start, in catch-up pages.
        List<Map<String, Object>> before = List.of(
                Map.of("city", "Ops-C", "temp", 1, "humidity", 40, "timestamp", at.toString(), "source", "e2e"),
                Map.of("city", "Ops-C", "temp", 2, "humidity", 40, "timestamp", at.plus(Duration.ofMinutes(1))
                        .toString(), "source", "e2e"));
        JsonHttp.post(master.url() + "/api/publish", "Bearer " + cluster.adminToken(), before)
                .expect(200, "publish before the slave starts");
        slave.start(Cluster.START_BOUND);
        cluster.awaitConvergence(BOUND);
        // Written while it runs: it gets them live, each timed from its receipt to its apply. Its subscription
        // completes a moment after 'listening on'; what is published before that reaches it by a check, untimed.
        assertThat(slave.awaitLine(line -> line.contains(": subscribed"), BOUND)).as("the slave subscribed on Redis")
                .isPresent();
        List<Map<String, Object>> readings = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            readings.add(Map.of("city", "Ops-A", "temp", 10 + i, "humidity", 50,
                    "timestamp", at.plus(Duration.ofMinutes(i)).toString(), "source", "e2e"));
        }
        readings.add(Map.of("city", "Ops-B", "temp", 5, "humidity", 60, "timestamp", at.toString(), "source", "e2e"));
        JsonHttp.post(master.url() + "/api/publish", "Bearer " + cluster.adminToken(), readings)
                .expect(200, "publish");
        cluster.awaitConvergence(BOUND);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theMasterExportsWhatItIngestedAndTheSlaveWhatItApplied() {
        String masterText = text(master, "/metrics");
        System.out.println("[ops] master /metrics excerpt:\n" + excerpt(masterText, "weather_", "http_server"));
        assertThat(masterText)
                .contains("weather_readings_ingested_total{city=\"Ops-A\",role=\"master\",source=\"e2e\"} 3.0")
                .contains("weather_changes_published_total{city=\"Ops-B\",role=\"master\",source=\"e2e\"} 1.0")
                .contains("weather_node_state{node=\"slave-1\",node_role=\"slave\",role=\"master\",state=\"running\"}")
                .contains("http_server_requests_seconds_count{method=\"POST\",role=\"master\",route=\"/api/publish\","
                        + "status=\"200\"}")
                .contains("jvm_memory_used_bytes");

        String slaveText = text(slave, "/metrics");
        System.out.println("[ops] slave /metrics excerpt:\n" + excerpt(slaveText, "weather_replication", "weather_messages"));
        assertThat(value(slaveText, "weather_replication_applied_total\\{role=\"slave\"}")).isGreaterThanOrEqualTo(4);
        assertThat(value(slaveText, "weather_replication_applied_seq\\{role=\"slave\"}"))
                .isEqualTo(Convergence.digest(master).appliedSeq());
    }

    @Test
    void theSlaveExportsItsApplyLatencyAsAHistogramAndItsCatchUpPagesAndRows() {
        String slaveText = text(slave, "/metrics");
        System.out.println("[ops] slave /metrics excerpt:\n" + excerpt(slaveText,
                "weather_replication_apply_latency", "weather_replication_catchup"));
        assertThat(slaveText)
                .contains("# TYPE weather_replication_apply_latency_seconds histogram")
                .contains("weather_replication_apply_latency_seconds_bucket{role=\"slave\",le=\"0.001\"}")
                .contains("# TYPE weather_replication_catchup_pages_total counter")
                .contains("# TYPE weather_replication_catchup_rows_total counter");
        // The 4 readings written while the slave ran reached it live; each was timed, whichever path applied it.
        double timed = value(slaveText, "weather_replication_apply_latency_seconds_count\\{role=\"slave\"}");
        assertThat(timed).isGreaterThanOrEqualTo(4);
        assertThat(value(slaveText,
                "weather_replication_apply_latency_seconds_bucket\\{role=\"slave\",le=\"\\+Inf\"}")).isEqualTo(timed);
        assertThat(value(slaveText, "weather_replication_apply_latency_seconds_sum\\{role=\"slave\"}"))
                .isGreaterThan(0).isLessThan(timed * BOUND.toSeconds());
        // The 2 written while it was down came in catch-up pages; periodic checks add (mostly empty) pages.
        assertThat(value(slaveText, "weather_replication_catchup_rows_total\\{role=\"slave\"}"))
                .isGreaterThanOrEqualTo(2);
        assertThat(value(slaveText, "weather_replication_catchup_pages_total\\{role=\"slave\"}"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void everyMetricTheDashboardQueriesIsExportedByARunningNode() throws IOException {
        Path dashboard = Path.of(System.getProperty("e2e.outputDir", "target")).toAbsolutePath().getParent()
                .getParent().resolve("deploy/grafana/dashboards/weather-sync.json");
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : JsonHttp.MAPPER.readTree(dashboard.toFile()).get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher name = Pattern.compile("\\b((?:weather|http_server|jvm|process)_[a-z_]+)\\b")
                        .matcher(target.get("expr").asText());
                while (name.find()) {
                    queried.add(name.group(1));
                }
            }
        }
        String exported = text(master, "/metrics") + text(slave, "/metrics");
        assertThat(queried).hasSizeGreaterThan(10)
                .allSatisfy(metric -> assertThat(exported).as(metric).containsPattern("(?m)^" + metric + "[{ ]"));
    }

    @Test
    void seed003sCountersAreOneRedisHashBothNodesAnswer() {
        Object inRedis = RespClient.call(cluster.redis().port(), "HGET", "weather:metrics", "e2e|Ops-A");
        assertThat(inRedis).isEqualTo("3");
        for (NodeProcess node : List.of(master, slave)) {
            JsonNode counts = JsonHttp.MAPPER.valueToTree(json(node, "/metrics"));
            System.out.println("[ops] " + node.name() + " GET /metrics (Accept: application/json): " + counts);
            assertThat(counts.toString()).contains("{\"source\":\"e2e\",\"city\":\"Ops-A\",\"count\":3}",
                    "{\"source\":\"e2e\",\"city\":\"Ops-B\",\"count\":1}");
        }
    }

    @Test
    void bothNodesAreLiveAndReady() {
        for (NodeProcess node : List.of(master, slave)) {
            assertThat(JsonHttp.get(node.url() + "/health/live").body().toString()).isEqualTo("{\"status\":\"up\"}");
            assertThat(JsonHttp.get(node.url() + "/health/ready").body().toString())
                    .isEqualTo("{\"status\":\"ready\"}");
        }
    }

    @Test
    void aRequestedSyncLogsOneTraceIdOnTheMasterAndTheSlave() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        HttpRequest request = HttpRequest.newBuilder(URI.create(master.url() + "/api/dms/slaves/slave-1/sync"))
                .header("Authorization", "Bearer " + cluster.adminToken())
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString("{\"city\":\"Ops-A\"}")).build();
        HttpResponse<String> reply = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        assertThat(reply.headers().firstValue("traceparent")).hasValueSatisfying(h -> assertThat(h).contains(traceId));

        JsonNode onMaster = awaitTraced(master, traceId, "sync of slave slave-1");
        JsonNode onSlave = awaitTraced(slave, traceId, "pushed page from the master");
        System.out.println("[ops] master: " + onMaster + "\n[ops] slave:  " + onSlave);
        for (JsonNode line : List.of(onMaster, onSlave)) {
            List<String> keys = new ArrayList<>();
            line.fieldNames().forEachRemaining(keys::add);
            assertThat(keys).containsExactly("time", "level", "logger", "node", "message", "trace_id");
        }
        assertThat(onMaster.get("node").asText()).isEqualTo("master");
        assertThat(onSlave.get("node").asText()).isEqualTo("slave-1");
    }

    @Test
    void aPublishLogsOneTraceIdOnTheMasterAndOnTheSlaveThatGotItsChangeOnRedis() throws Exception {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String reading = "[{\"city\":\"Ops-T\",\"temp\":3,\"humidity\":40,\"timestamp\":\""
                + Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES) + "\",\"source\":\"e2e\"}]";
        HttpRequest request = HttpRequest.newBuilder(URI.create(master.url() + "/api/publish"))
                .header("Authorization", "Bearer " + cluster.adminToken())
                .header("Content-Type", "application/json")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString(reading)).build();
        HttpResponse<String> reply = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);

        JsonNode onMaster = awaitTraced(master, traceId, "publishing 1 changes");
        JsonNode onSlave = awaitTraced(slave, traceId, "received 1 changes");
        System.out.println("[ops] master: " + onMaster + "\n[ops] slave:  " + onSlave);
        assertThat(onSlave.path("logger").asText()).endsWith("LettuceChangeSubscriber");
    }

    private JsonNode awaitTraced(NodeProcess node, String traceId, String message) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<JsonNode> line = jsonLines(node.log().path()).stream()
                    .filter(l -> l.path("trace_id").asText().equals(traceId)
                            && l.path("message").asText().contains(message))
                    .findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError(node.name() + " logged no line with trace " + traceId + " and '" + message + "'");
    }

    private static List<JsonNode> jsonLines(Path log) {
        try {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : Files.readAllLines(log)) {
                if (line.startsWith("{")) {
                    lines.add(JsonHttp.MAPPER.readTree(line));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(NodeProcess node, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(node.url() + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Object json(NodeProcess node, String path) {
        try {
            String body = HTTP.send(HttpRequest.newBuilder(URI.create(node.url() + path))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString()).body();
            return JsonHttp.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(text);
        assertThat(m.find()).as(series + " in\n" + text).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static String excerpt(String text, String... prefixes) {
        StringBuilder lines = new StringBuilder();
        for (String prefix : prefixes) {
            text.lines().filter(l -> l.startsWith(prefix)).limit(12)
                    .forEach(l -> lines.append("  ").append(l).append('\n'));
        }
        return lines.toString();
    }
}
