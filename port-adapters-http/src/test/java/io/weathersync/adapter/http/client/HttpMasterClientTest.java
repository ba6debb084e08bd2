package io.weathersync.adapter.http.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weathersync.adapter.http.client.FakeHttpServer.Response;
import io.weathersync.application.port.out.HeartbeatReply;
import io.weathersync.application.port.out.MasterRefusedException;
import io.weathersync.application.port.out.MasterUnavailableException;
import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.cluster.SyncOperation;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.wire.ChangeJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpMasterClientTest {

    private static final String KEY = "CN0123456789abcdefghijklmnopqrstuv";
    private static final String SECRET = "CSs3cr3t-never-to-be-seen-in-logs-xx";
    private static final String CHANGES = "/api/v1/cascade/changes";
    private static final String HEARTBEAT = "/api/v1/cascade/heartbeat";
    private static final String REPORT = "/api/v1/cascade/report-result";

    private final ChangeJson json = new ChangeJson();
    private final FakeHttpServer master = FakeHttpServer.start();
    private HttpMasterClient client = new HttpMasterClient(master.baseUrl(), KEY, SECRET, json,
            Duration.ofSeconds(1), Duration.ofSeconds(2));

    @AfterEach
    void stop() {
        client.close();
        master.close();
    }

    private static SignedChange change(long seq, String city, String sig) {
        WeatherReading reading = new WeatherReading(new City(city), Instant.parse("2026-11-23T10:00:00Z"),
                26.5, 65, 1012.0, 3.2, 180.0, 0.0, 2, "open-meteo");
        return new SignedChange(new Change(new StreamId("stream-1"), seq, reading), sig);
    }

    private String ok(Object data) {
        ObjectNode reply = json.mapper().createObjectNode().put("code", 0).put("message", "ok");
        reply.set("data", json.mapper().valueToTree(data));
        return reply.toString();
    }

    private String page(List<SignedChange> changes, long head, long through) {
        ObjectNode data = json.mapper().createObjectNode().put("stream", "stream-1").put("head", head)
                .put("complete_through", through);
        data.set("changes", json.toJsonArray(changes));
        return json.mapper().createObjectNode().put("code", 0).put("message", "ok").set("data", data).toString();
    }

    @Test
    void changesAfterAsksWithCredentialsAndReadsThePage() {
        List<SignedChange> changes = List.of(change(5, "Beijing", "c2ln"),
                change(6, "Shanghai", null));
        master.on(CHANGES, request -> Response.json(200, page(changes, 9, 6)));

        ChangePage page = client.changesAfter(4, 2);

        assertThat(page.stream()).isEqualTo(new StreamId("stream-1"));
        assertThat(page.head()).isEqualTo(9);
        assertThat(page.completeThrough()).isEqualTo(6);
        assertThat(page.changes()).containsExactly(changes.get(0).change(), changes.get(1).change());
        FakeHttpServer.Request request = master.requests().getFirst();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.params()).containsEntry("after", "4").containsEntry("limit", "2");
        assertThat(request.header("Authorization")).isEqualTo("AK-SK " + KEY + ":" + SECRET);
    }

    @Test
    void heartbeatSendsTheSlavesStateAndReadsTheMastersAnswer() throws Exception {
        master.on(HEARTBEAT, request -> Response.json(200,
                ok(java.util.Map.of("stream", "stream-1", "head", 42, "public_key", "MCowBQYDK2VwAyEA", "name",
                        "slave1", "uptime", 7200, "tasks_count", 1))));

        HeartbeatReply reply = client.heartbeat(new Heartbeat(new StreamId("stream-1"), 40,
                Instant.parse("2026-11-23T10:00:00Z"), Duration.ofMinutes(90), "0.1.0", "10.0.0.7", 8081));

        assertThat(reply).isEqualTo(new HeartbeatReply(new StreamId("stream-1"), 42, "MCowBQYDK2VwAyEA", "slave1",
                Duration.ofHours(2), 1));
        FakeHttpServer.Request request = master.requests().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Authorization")).isEqualTo("AK-SK " + KEY + ":" + SECRET);
        JsonNode body = json.mapper().readTree(request.text());
        assertThat(body.get("stream").asText()).isEqualTo("stream-1");
        assertThat(body.get("applied_seq").asLong()).isEqualTo(40);
        assertThat(body.get("last_sync").asText()).isEqualTo("2026-11-23T10:00:00Z");
        assertThat(body.get("uptime").asLong()).isEqualTo(5400);
        assertThat(body.get("version").asText()).isEqualTo("0.1.0");
        assertThat(body.get("host").asText()).isEqualTo("10.0.0.7");
        assertThat(body.get("port").asInt()).isEqualTo(8081);
    }

    @Test
    void heartbeatOfAnEmptyReplicaSendsNullsAndAcceptsANullKey() throws Exception {
        master.on(HEARTBEAT, request -> Response.json(200,
                "{\"code\":0,\"message\":\"ok\",\"data\":{\"stream\":\"s-2\",\"head\":0,\"public_key\":null}}"));

        HeartbeatReply reply = client.heartbeat(new Heartbeat(null, 0, null, Duration.ZERO, null, null, 0));

        assertThat(reply.publicKey()).isNull();
        assertThat(reply.uptime()).as("a master that does not tell").isZero();
        assertThat(reply.tasksCount()).isZero();
        JsonNode body = json.mapper().readTree(master.requests().getFirst().text());
        assertThat(body.get("stream").isNull()).isTrue();
        assertThat(body.get("last_sync").isNull()).isTrue();
    }

    @Test
    void reportResultPostsTheSeedShapeWithTheLogEntry() throws Exception {
        master.on(REPORT, request -> Response.json(200, "{\"code\":0,\"message\":\"ok\",\"data\":null}"));

        client.reportResult(new SyncLogEntry("node-1", SyncOperation.CATCH_UP, true, 5, 5, 9,
                Instant.parse("2026-11-23T09:59:00Z"), Instant.parse("2026-11-23T10:00:00Z"), "", "caught up"));

        JsonNode body = json.mapper().readTree(master.requests().getFirst().text());
        assertThat(body.get("task_id").asText()).isNotBlank();
        assertThat(body.get("timestamp").asText()).isEqualTo("2026-11-23T10:00:00Z");
        JsonNode result = body.get("results").get(0);
        assertThat(result.get("node_id").asText()).isEqualTo("node-1");
        assertThat(result.get("operation").asText()).isEqualTo("catch_up");
        assertThat(result.get("timestamp").asText()).isEqualTo("2026-11-23T09:59:00Z");
        assertThat(result.get("success").asBoolean()).isTrue();
        assertThat(result.get("from_seq").asLong()).isEqualTo(5);
        assertThat(result.get("to_seq").asLong()).isEqualTo(9);
        assertThat(result.get("count").asInt()).isEqualTo(5);
        assertThat(result.get("detail").asText()).isEqualTo("caught up");
        assertThat(master.requests().getFirst().header("Authorization")).startsWith("AK-SK " + KEY + ":");
    }

    @Test
    void refusedCredentialsAreARefusalSayingWhatToSetWithoutTheSecret() {
        master.on(CHANGES, request -> Response.json(401, "{\"code\":401,\"message\":\"invalid credentials\"}"));

        assertUnavailable(() -> client.changesAfter(0, 100), "HTTP 401", "invalid credentials");
        assertThatThrownBy(() -> client.changesAfter(0, 100)).isInstanceOf(MasterRefusedException.class)
                .hasMessageContaining("CASCADE_API_KEY and CASCADE_API_SECRET");
    }

    @Test
    void aDisabledNodeIsARefusalSayingItCanBeEnabled() {
        master.on(HEARTBEAT, request -> Response.json(403, "{\"code\":403,\"message\":\"node is disabled\"}"));

        assertThatThrownBy(() -> client.heartbeat(new Heartbeat(null, 0, null, Duration.ZERO, "", "", 0)))
                .isInstanceOf(MasterRefusedException.class)
                .hasMessage("the master refuses this slave (HTTP 403: node is disabled); its node is disabled: an "
                        + "operator can enable it (POST /api/v1/cascade/nodes/{id}/enable)");
    }

    @Test
    void serverErrorIsUnavailable() {
        master.on(HEARTBEAT, request -> Response.json(500, "oops"));

        assertUnavailable(() -> client.heartbeat(new Heartbeat(null, 0, null, Duration.ZERO, "", "", 0)),
                "HTTP 500");
    }

    @Test
    void nonZeroCodeIsUnavailable() {
        master.on(REPORT, request -> Response.json(200, "{\"code\":403,\"message\":\"node inactive\",\"data\":null}"));

        assertUnavailable(() -> client.reportResult(SyncLogEntry.at("n", SyncOperation.REPORT_RESULT, false, 0, 0, 0,
                Instant.EPOCH, null)), "code 403", "node inactive");
    }

    @Test
    void malformedRepliesAreUnavailableSayingWhatIsWrong() {
        master.on(CHANGES, request -> Response.json(200, "{\"code\":0,\"data\":{\"stream\":"));
        assertUnavailable(() -> client.changesAfter(0, 10), "malformed reply", "not a JSON object");

        master.on(CHANGES, request -> Response.json(200, "{\"code\":0,\"data\":{\"stream\":\"s\",\"head\":1,\"changes\":[]}}"));
        assertUnavailable(() -> client.changesAfter(0, 10), "malformed reply", "data.complete_through");

        ObjectNode bad = json.toJsonObject(change(2, "Rome", null)).put("humidity", 400);
        master.on(CHANGES, request -> Response.json(200, page(List.of(change(1, "Oslo", null)), 2, 2)
                .replace("}]", "}," + bad + "]")));
        assertUnavailable(() -> client.changesAfter(0, 10), "malformed reply", "data.changes[1]: humidity");

        master.on(CHANGES, request -> Response.json(200, page(List.of(change(7, "Oslo", null)), 9, 5)));
        assertUnavailable(() -> client.changesAfter(0, 10), "malformed reply", "complete_through");

        master.on(HEARTBEAT, request -> Response.json(200, "{\"code\":0,\"data\":{\"head\":1}}"));
        assertUnavailable(() -> client.heartbeat(new Heartbeat(null, 0, null, Duration.ZERO, "", "", 0)),
                "malformed reply", "data.stream");
    }

    @Test
    void unreachableMasterIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        client.close();
        client = new HttpMasterClient("http://127.0.0.1:" + closedPort, KEY, SECRET, json);

        assertUnavailable(() -> client.changesAfter(0, 10), "unreachable");
    }

    @Test
    void masterTooSlowToAnswerHitsTheTimeout() {
        client.close();
        client = new HttpMasterClient(master.baseUrl(), KEY, SECRET, json, Duration.ofSeconds(1),
                Duration.ofMillis(300));
        master.on(CHANGES, request -> Response.json(200, page(List.of(), 0, 0)).after(Duration.ofSeconds(20)));
        master.on(HEARTBEAT, request -> Response.json(200, ok(java.util.Map.of("stream", "s", "head", 0)))
                .stalling());
        long started = System.nanoTime();

        assertUnavailable(() -> client.changesAfter(0, 10), "did not answer within 300 ms");
        assertUnavailable(() -> client.heartbeat(new Heartbeat(null, 0, null, Duration.ZERO, "", "", 0)),
                "did not answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void badSettingsAreRefusedNamingThemWithoutEchoingTheSecret() {
        assertThatThrownBy(() -> new HttpMasterClient("not a url", KEY, SECRET, json))
                .hasMessageContaining("CASCADE_PARENT_URL");
        assertThatThrownBy(() -> new HttpMasterClient(master.baseUrl(), "", SECRET, json))
                .hasMessageContaining("CASCADE_API_KEY");
        assertThatThrownBy(() -> new HttpMasterClient(master.baseUrl(), KEY, "has space " + SECRET, json))
                .hasMessageContaining("CASCADE_API_SECRET").hasMessageNotContaining(SECRET);
    }

    private static void assertUnavailable(Runnable call, String... texts) {
        assertThatThrownBy(call::run).isInstanceOf(MasterUnavailableException.class)
                .satisfies(e -> {
                    assertThat(e.getMessage()).contains(texts).doesNotContain(SECRET);
                    assertThat(String.valueOf(e.getCause())).doesNotContain(SECRET);
                });
    }
}
