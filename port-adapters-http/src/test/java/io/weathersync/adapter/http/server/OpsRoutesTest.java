package io.weathersync.adapter.http.server;

import io.weathersync.adapter.http.metrics.NodeMetrics;
import io.weathersync.adapter.http.server.TestServer.Reply;
import io.weathersync.adapter.memory.InMemoryReadingCounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /metrics} (Prometheus text and seed 003's JSON counters), the probes and the request trace on a real
 * master server: readings published over HTTP show up in both forms, each request is timed by its route template.
 */
class OpsRoutesTest {

    private static final String TRACE = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final OpsNodes NODES = new OpsNodes();
    private static final AtomicBoolean STORE_UP = new AtomicBoolean(true);
    private static TestServer master;
    private static TestServer bare;

    @BeforeAll
    static void start() {
        master = TestServer.start(NODES.masterRoutes());
        bare = TestServer.start(routing -> {
            ErrorReplies.install(routing);
            OpsApi.register(routing, new OpsApi.Dependencies(Optional.empty(), new InMemoryReadingCounts(),
                    List.of(HealthCheck.of("store", STORE_UP::get).degradedWhen(() -> Optional.of("no connection")))));
        });
        publish("Beijing", "09:00");
        publish("Beijing", "09:00");
        publish("Paris", "09:00");
    }

    @AfterAll
    static void stop() {
        master.close();
        bare.close();
    }

    private static void publish(String city, String time) {
        Reply reply = master.post("/api/publish", "{\"city\":\"" + city + "\",\"temp\":20.5,\"humidity\":50,"
                + "\"timestamp\":\"2026-11-23T" + time + ":00Z\",\"source\":\"open-meteo\"}",
                "Authorization", MasterFixture.bearer());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @Test
    void prometheusTextCountsReadingsAndChangesBySourceAndCity() {
        Reply reply = master.get("/metrics");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(reply.body())
                .contains("weather_readings_ingested_total{city=\"Beijing\",role=\"master\",source=\"open-meteo\"} 2.0")
                .contains("weather_changes_published_total{city=\"Beijing\",role=\"master\",source=\"open-meteo\"} 1.0")
                .contains("weather_readings_ingested_total{city=\"Paris\",role=\"master\",source=\"open-meteo\"} 1.0")
                .contains("jvm_memory_used_bytes", "process_uptime_seconds", "jvm_threads_live_threads");
    }

    @Test
    void requestsAreTimedByRouteTemplateMethodAndStatus() {
        master.get("/api/v1/cascade/nodes/12345", "Authorization", MasterFixture.bearer());
        master.get("/no/such/path/" + System.nanoTime());

        String text = master.get("/metrics").body();

        assertThat(text).contains("http_server_requests_seconds_count{method=\"POST\",role=\"master\","
                + "route=\"/api/publish\",status=\"200\"} 3");
        assertThat(text).contains("route=\"/api/v1/cascade/nodes/{id}\",status=\"404\"");
        assertThat(text).contains("route=\"unmatched\",status=\"404\"").doesNotContain("/no/such/path");
    }

    @Test
    void theMasterShowsEachNodesStateAndLag() {
        String text = master.get("/metrics").body();

        assertThat(text).contains("weather_node_state{node=\"master\",node_role=\"master\",role=\"master\","
                + "state=\"running\"} 1.0");
        assertThat(text).contains("weather_node_lag_changes{node=\"master\",node_role=\"master\",role=\"master\"} 0.0");
    }

    @Test
    void jsonAnswersSeed003sCounters() {
        Reply reply = master.get("/metrics", "Accept", "application/json");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().toString()).isEqualTo("[{\"source\":\"open-meteo\",\"city\":\"Beijing\",\"count\":2},"
                + "{\"source\":\"open-meteo\",\"city\":\"Paris\",\"count\":1}]");
    }

    @Test
    void withMetricsOffTheTextIsA404ButTheCountersStillAnswer() {
        Reply text = bare.get("/metrics");
        assertThat(text.status()).isEqualTo(404);
        assertThat(text.json().get("message").asText()).contains("METRICS_ENABLED=false");

        assertThat(bare.get("/metrics", "Accept", "application/json").body()).isEqualTo("[]");
    }

    @Test
    void livenessIsUpAndReadinessFollowsItsProbes() {
        assertThat(bare.get("/health/live").body()).isEqualTo("{\"status\":\"up\"}");
        assertThat(bare.get("/health/ready").body()).isEqualTo("{\"status\":\"ready\"}");

        STORE_UP.set(false);
        try {
            Reply notReady = bare.get("/health/ready");
            assertThat(notReady.status()).isEqualTo(503);
            assertThat(notReady.json().get("reasons").toString()).isEqualTo("[\"store: no connection\"]");
        } finally {
            STORE_UP.set(true);
        }
        assertThat(bare.post("/health/ready", "{}").status()).isEqualTo(405);
    }

    @Test
    void aCallersTraceparentIsKeptAndAMalformedOneReplaced() {
        assertThat(master.get("/health/live", "traceparent", TRACE).headers().firstValue("traceparent"))
                .hasValue(TRACE);

        String fresh = master.get("/health/live", "traceparent", "00-not-a-trace-01").headers()
                .firstValue("traceparent").orElseThrow();
        assertThat(fresh).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").isNotEqualTo(TRACE);
    }

    @Test
    void aSlaveShowsItsReplicationMeters() {
        try (TestServer slave = TestServer.start(NODES.slaveRoutes())) {
            assertThat(slave.get("/metrics").body())
                    .contains("weather_replication_applied_total{role=\"slave\"} 0.0")
                    .contains("weather_messages_rejected_total{kind=\"bad_signature\",role=\"slave\"} 0.0")
                    .contains("weather_replication_applied_seq{role=\"slave\"} 0.0");
        }
    }

    @Test
    void metricsOfAnotherRegistryAreIndependent() {
        try (NodeMetrics other = new NodeMetrics("slave")) {
            assertThat(other.scrape()).doesNotContain("weather_readings_ingested_total");
        }
    }
}
