package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.adapter.http.server.TestServer.Reply;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.cluster.SyncOperation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.weathersync.adapter.http.server.MasterFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** Seed 002's {@code GET /api/v1/cascade/sync-logs}: {@code data: {"list","page","total"}}, filters and bounds. */
class SyncLogRoutesTest {

    private static final MasterFixture MASTER = new MasterFixture();
    private static final String AUTH = "Authorization";
    private static TestServer server;
    private static String a;
    private static String b;

    @BeforeAll
    static void start() {
        server = TestServer.start(routing -> MasterApi.register(routing, MASTER.deps()));
        a = MASTER.slave("logger-a").nodeId();
        b = MASTER.slave("logger-b").nodeId();
        MASTER.nodes.record(SyncLogEntry.at(a, SyncOperation.CATCH_UP, true, 5, 1, 5, NOW, ""));
        MASTER.nodes.record(new SyncLogEntry(b, SyncOperation.SYNC_REQUEST, false, 1, 6, 6, NOW.minusSeconds(2), NOW,
                "", "push to http://b:8081 failed: timeout"));
        MASTER.nodes.record(new SyncLogEntry(a, SyncOperation.REPORT_RESULT, true, 10, 0, 0, NOW.minusSeconds(60), NOW,
                "task-7", "{\"mp_id\":\"m\"}"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aPageListsEntriesNewestFirstWithItsBoundsAndTheTotal() {
        Reply reply = logs("");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode data = reply.json().get("data");
        assertThat(Reply.keys(data)).containsExactly("list", "page", "total");
        assertThat(data.get("page").get("limit").asInt()).isEqualTo(50);
        assertThat(data.get("page").get("offset").asInt()).isZero();
        assertThat(data.get("total").asLong()).isEqualTo(3);
        JsonNode report = data.get("list").get(0);
        assertThat(Reply.keys(report)).containsExactly("id", "node_id", "operation", "direction", "status",
                "data_count", "error_message", "extra_data", "started_at", "completed_at");
        assertThat(report.get("operation").asText()).isEqualTo("report_result");
        assertThat(report.get("direction").asText()).isEqualTo("push");
        assertThat(report.get("status").asInt()).as("succeeded").isEqualTo(1);
        assertThat(report.get("data_count").asInt()).isEqualTo(10);
        assertThat(report.get("error_message").isNull()).isTrue();
        assertThat(report.get("extra_data").get("task_id").asText()).isEqualTo("task-7");
        assertThat(report.get("started_at").asText()).isEqualTo(NOW.minusSeconds(60).toString());
        assertThat(report.get("completed_at").asText()).isEqualTo(NOW.toString());
        JsonNode failed = data.get("list").get(1);
        assertThat(failed.get("status").asInt()).as("failed").isEqualTo(2);
        assertThat(failed.get("error_message").asText()).contains("timeout");
        JsonNode pulled = data.get("list").get(2);
        assertThat(pulled.get("direction").asText()).isEqualTo("pull");
        assertThat(pulled.get("extra_data").get("from_seq").asLong()).isEqualTo(1);
        assertThat(pulled.get("extra_data").get("to_seq").asLong()).isEqualTo(5);
        assertThat(pulled.get("id").asLong()).isLessThan(failed.get("id").asLong());
    }

    @Test
    void entriesAreFilteredByNodeAndOperationAndPagedByLimitAndOffset() {
        JsonNode ofA = logs("?node_id=" + a).json().get("data");
        JsonNode catchUps = logs("?operation=catch_up").json().get("data");
        JsonNode second = logs("?limit=1&offset=1").json().get("data");

        assertThat(ofA.get("total").asLong()).isEqualTo(2);
        assertThat(ofA.get("list")).allSatisfy(entry -> assertThat(entry.get("node_id").asText()).isEqualTo(a));
        assertThat(catchUps.get("list")).singleElement()
                .satisfies(entry -> assertThat(entry.get("operation").asText()).isEqualTo("catch_up"));
        assertThat(second.get("list")).singleElement()
                .satisfies(entry -> assertThat(entry.get("node_id").asText()).isEqualTo(b));
        assertThat(second.get("total").asLong()).isEqualTo(3);
        assertThat(second.get("page").get("offset").asInt()).isEqualTo(1);
        assertThat(logs("?limit=200").status()).isEqualTo(200);
    }

    @Test
    void badParametersAreA400NamingThem() {
        for (String query : new String[] {"limit=0", "limit=201", "limit=x", "offset=-1", "operation=push"}) {
            Reply reply = logs("?" + query);
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.json().get("message").asText()).as(query).startsWith(query.substring(0,
                    query.indexOf('=')) + ":");
        }
        assertThat(logs("?operation=push").json().get("message").asText())
                .contains("catch_up, sync_request, report_result");
    }

    private static Reply logs(String query) {
        return server.get("/api/v1/cascade/sync-logs" + query, AUTH, MasterFixture.bearer());
    }
}
