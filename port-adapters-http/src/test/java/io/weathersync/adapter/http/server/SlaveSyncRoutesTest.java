package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.adapter.http.server.TestServer.Reply;
import io.weathersync.domain.cluster.NewNode;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.model.ReadingRange;
import io.weathersync.domain.model.SyncState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The master's {@code POST /api/dms/slaves/{slave_name}/sync} pushing to a real slave: filling its gap, repairing
 * a city or a period. Every test first establishes the state it needs, so they hold in any order.
 */
class SlaveSyncRoutesTest {

    private static final String SYNC = "/api/dms/slaves/backup1/sync";
    private static final String AUTH = "Authorization";
    private static SyncPair pair;

    @BeforeAll
    static void start() {
        pair = new SyncPair();
    }

    @AfterAll
    static void stop() {
        pair.close();
    }

    @Test
    void aSlaveBehindHoldsTheSameDataAfterItsOwnSyncCall() {
        pair.master.log.append(MasterFixture.hourly("Lima", 5));
        SyncState before = pair.replica.state();
        heartbeat(before);
        assertThat(pair.inSync()).isFalse();
        int lacking = pair.master.log.changesAfter(before.appliedSeq(), 10_000).changes().size();

        Reply reply = pair.masterServer.send("POST", SYNC, null, (String) null, AUTH, MasterFixture.akSk(pair.slave));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.keys()).containsExactly("code", "message", "data");
        assertThat(reply.json().get("code").asInt()).isZero();
        assertThat(reply.json().get("message").asText()).isEqualTo("sync pushed");
        JsonNode data = reply.json().get("data");
        assertThat(Reply.keys(data)).containsExactly("from_seq", "to_seq", "pushed", "resent");
        assertThat(data.get("from_seq").asLong()).isEqualTo(before.appliedSeq());
        assertThat(data.get("to_seq").asLong()).isEqualTo(pair.master.log.head());
        assertThat(data.get("pushed").asInt()).isEqualTo(lacking).isGreaterThan(MasterFixture.PAGE_SIZE);
        assertThat(data.get("resent").asInt()).isZero();
        assertThat(pair.replica.state()).isEqualTo(new SyncState(pair.stream(), pair.master.log.head()));
        assertThat(pair.inSync()).isTrue();
        assertThat(pair.syncLog().getFirst().success()).isTrue();
    }

    @Test
    void aCityRepairsThatCityOnlyWhateverItsCase() {
        pair.level();
        pair.corrupt("Beijing");
        assertThat(pair.inSync()).isFalse();

        Reply oslo = sync("{\"city\":\"Oslo\"}");
        assertThat(oslo.status()).as(oslo.body()).isEqualTo(200);
        assertThat(oslo.json().get("data").get("resent").asInt()).isEqualTo(3);
        assertThat(pair.inSync()).isFalse();

        Reply beijing = sync("{\"city\":\"  beijing \"}");
        assertThat(beijing.json().get("data").get("resent").asInt()).isEqualTo(4);
        assertThat(pair.inSync()).isTrue();
    }

    @Test
    void datesAloneRepairEveryCityInThatRangeAndADateEndIncludesItsDay() {
        pair.level();
        pair.corrupt("Oslo");

        Reply before = sync("{\"end_date\":\"2026-11-22\"}");
        assertThat(before.json().get("data").get("resent").asInt()).isZero();
        assertThat(pair.inSync()).isFalse();

        Reply hour = sync("{\"start_date\":\"2026-11-23T08:30:00Z\",\"end_date\":\"2026-11-23T09:30:00+00:00\"}");
        assertThat(hour.json().get("data").get("resent").asInt())
                .isEqualTo(resendable("2026-11-23T08:30:00Z", "2026-11-23T09:30:00Z"));

        Reply day = sync("{\"start_date\":\"2026-11-23\",\"end_date\":\"2026-11-23\"}");
        assertThat(day.status()).as(day.body()).isEqualTo(200);
        assertThat(day.json().get("data").get("resent").asInt())
                .isEqualTo(resendable("2026-11-23T00:00:00Z", "2026-11-24T00:00:00Z"))
                .isGreaterThan(hour.json().get("data").get("resent").asInt());
        assertThat(pair.inSync()).isTrue();
    }

    @Test
    void theSeedClientsNullFieldsMeanNoRepair() {
        pair.level();
        pair.corrupt("Oslo");

        Reply reply = sync("{\"symbol\":null,\"city\":null,\"start_date\":null,\"end_date\":null}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("data").get("resent").asInt()).isZero();
        assertThat(pair.inSync()).isFalse();
        sync("{\"city\":\"Oslo\"}");
        assertThat(pair.inSync()).isTrue();
    }

    @Test
    void anUnknownSlaveIs404AndADisabledOrUnaddressedOneIs409() {
        pair.master.nodes.register(new NewNode(NodeType.CHILD, "nourl", "", ""));
        String disabled = pair.master.slave("resting").nodeId();
        pair.master.nodes.setActive(disabled, false);

        assertError(pair.masterServer.post("/api/dms/slaves/ghost/sync", "{}", AUTH, MasterFixture.bearer()), 404,
                "slave_name: no slave named 'ghost'");
        assertError(pair.masterServer.post("/api/dms/slaves/nourl/sync", "{}", AUTH, MasterFixture.bearer()), 409,
                "no api_url");
        assertError(pair.masterServer.post("/api/dms/slaves/resting/sync", "{}", AUTH, MasterFixture.bearer()), 409,
                "disabled");
    }

    @Test
    void anUnreachableSlaveIs502AndTheFailureIsLogged() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Node down = pair.master.nodes.register(new NewNode(NodeType.CHILD, "down", "", "http://127.0.0.1:" + closedPort));

        Reply reply = pair.masterServer.post("/api/dms/slaves/down/sync", "{}", AUTH, MasterFixture.bearer());

        assertError(reply, 502, "slave unreachable: push to http://127.0.0.1:" + closedPort);
        assertThat(pair.master.syncLog(Optional.of(down.id())))
                .singleElement().satisfies(entry -> assertThat(entry.success()).isFalse());
    }

    @Test
    void otherMethodsAre405InTheSameEnvelope() {
        Reply reply = pair.masterServer.get(SYNC, AUTH, MasterFixture.bearer());

        assertError(reply, 405, "use POST");
    }

    private static Reply sync(String body) {
        return pair.masterServer.post(SYNC, body, AUTH, MasterFixture.bearer());
    }

    /** How many of the master's readings lie in {@code start..end}. */
    private static int resendable(String start, String end) {
        ReadingRange range = new ReadingRange(null, Instant.parse(start), Instant.parse(end));
        return (int) pair.master.log.changesAfter(0, 10_000).changes().stream()
                .filter(change -> range.contains(change.reading())).count();
    }

    private static void heartbeat(SyncState state) {
        Reply reply = pair.masterServer.post("/api/v1/cascade/heartbeat", "{\"stream\":\"" + state.stream().value()
                + "\",\"applied_seq\":" + state.appliedSeq() + "}", AUTH, MasterFixture.akSk(pair.slave));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    static void assertError(Reply reply, int status, String text) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.keys()).containsExactlyElementsOf(Reply.ERROR_KEYS);
        assertThat(reply.json().get("code").asInt()).isEqualTo(status);
        assertThat(reply.json().get("message").asText()).contains(text);
        assertThat(reply.json().get("data").isNull()).isTrue();
    }
}
