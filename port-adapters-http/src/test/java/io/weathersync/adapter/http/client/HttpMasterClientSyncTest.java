package io.weathersync.adapter.http.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.adapter.http.client.FakeHttpServer.Response;
import io.weathersync.application.port.out.MasterUnavailableException;
import io.weathersync.application.port.out.SyncOutcome;
import io.weathersync.domain.model.City;
import io.weathersync.domain.model.ReadingRange;
import io.weathersync.wire.ChangeJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A slave asking its (fake) master for a sync: {@code POST /api/dms/slaves/{slave_name}/sync}. */
class HttpMasterClientSyncTest {

    private static final String KEY = "CN0123456789abcdefghijklmnopqrstuv";
    private static final String SECRET = "CSs3cr3t-never-to-be-seen-in-logs-xx";
    private static final String SYNC = "/api/dms/slaves/backup1/sync";
    private static final String OUTCOME = "{\"code\":0,\"message\":\"sync pushed\",\"data\":"
            + "{\"from_seq\":4,\"to_seq\":9,\"pushed\":5,\"resent\":2}}";

    private final ChangeJson json = new ChangeJson();
    private final FakeHttpServer master = FakeHttpServer.start();
    private HttpMasterClient client = new HttpMasterClient(master.baseUrl(), KEY, SECRET, json,
            Duration.ofSeconds(1), Duration.ofSeconds(2));

    @AfterEach
    void stop() {
        client.close();
        master.close();
    }

    @Test
    void noRangeSendsAnEmptyObjectWithCredentialsAndReadsTheOutcome() throws Exception {
        master.on(SYNC, request -> Response.json(200, OUTCOME));

        SyncOutcome outcome = client.requestSync("backup1", Optional.empty());

        assertThat(outcome).isEqualTo(new SyncOutcome(4, 9, 5, 2));
        FakeHttpServer.Request request = master.requests().getFirst();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Authorization")).isEqualTo("AK-SK " + KEY + ":" + SECRET);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.text()).isEqualTo("{}");
    }

    @Test
    void aCityRangeSendsTheCityAndItsInstants() throws Exception {
        master.on(SYNC, request -> Response.json(200, OUTCOME));
        ReadingRange range = new ReadingRange(new City("Beijing"), Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-11-24T00:00:00Z"));

        client.requestSync("backup1", Optional.of(range));

        JsonNode body = json.mapper().readTree(master.requests().getFirst().text());
        assertThat(body.get("city").asText()).isEqualTo("Beijing");
        assertThat(body.get("start_date").asText()).isEqualTo("2026-11-01T00:00:00Z");
        assertThat(body.get("end_date").asText()).isEqualTo("2026-11-24T00:00:00Z");
    }

    @Test
    void aRangeOfEveryCitySendsNoCityButItsDates() throws Exception {
        master.on(SYNC, request -> Response.json(200, OUTCOME));

        client.requestSync("backup1", Optional.of(ReadingRange.ALL));

        JsonNode body = json.mapper().readTree(master.requests().getFirst().text());
        assertThat(body.has("city")).isFalse();
        assertThat(body.get("start_date").asText()).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(body.get("end_date").asText()).isEqualTo(ReadingRange.ALL.end().toString());
    }

    @Test
    void theSlaveNameIsEncodedAsOnePathSegment() {
        master.on("/api/dms/slaves/bäckup 1/sync", request -> Response.json(200, OUTCOME));

        client.requestSync("bäckup 1", Optional.empty());

        assertThat(master.requests()).hasSize(1);
    }

    @Test
    void theMastersRefusalsAreUnavailableWithItsStatusAndMessage() {
        for (int status : List.of(403, 404, 409, 502)) {
            master.on(SYNC, request -> Response.json(status,
                    "{\"code\":" + status + ",\"message\":\"refused " + status + "\",\"data\":null}"));
            assertUnavailable(() -> client.requestSync("backup1", Optional.empty()), "HTTP " + status,
                    "refused " + status);
        }
    }

    @Test
    void aMalformedOutcomeIsUnavailableNamingTheField() {
        master.on(SYNC, request -> Response.json(200,
                "{\"code\":0,\"message\":\"sync pushed\",\"data\":{\"from_seq\":4,\"to_seq\":9,\"pushed\":5}}"));
        assertUnavailable(() -> client.requestSync("backup1", Optional.empty()), "malformed reply", "data.resent");

        master.on(SYNC, request -> Response.json(200, "{\"code\":0,\"message\":\"sync pushed\",\"data\":null}"));
        assertUnavailable(() -> client.requestSync("backup1", Optional.empty()), "malformed reply", "data:");
    }

    @Test
    void anUnreachableMasterIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        client.close();
        client = new HttpMasterClient("http://127.0.0.1:" + closedPort, KEY, SECRET, json);

        assertUnavailable(() -> client.requestSync("backup1", Optional.empty()), "unreachable");
    }

    private static void assertUnavailable(Runnable call, String... texts) {
        assertThatThrownBy(call::run).isInstanceOf(MasterUnavailableException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(texts).doesNotContain(SECRET));
    }
}
