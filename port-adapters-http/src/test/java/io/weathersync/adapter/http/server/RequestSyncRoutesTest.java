package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.adapter.http.client.HttpMasterClient;
import io.weathersync.adapter.http.server.TestServer.Reply;
import io.weathersync.adapter.memory.InMemoryReplica;
import io.weathersync.application.service.QueryWeatherService;
import io.weathersync.application.service.ReplicationServices;
import io.weathersync.application.service.RequestSyncService;
import io.weathersync.domain.status.ClusterStatus;
import io.weathersync.wire.ChangeJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;

import static io.weathersync.adapter.http.server.SlaveSyncRoutesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** A slave's {@code POST /api/dms/slaves/{slave_name}/sync}, forwarded to the real master route over HTTP. */
class RequestSyncRoutesTest {

    private static final String SYNC = "/api/dms/slaves/backup1/sync";
    /** The slave's own admin token, which its forwarder requires. */
    private static final String[] OPERATOR = {"Authorization", MasterFixture.bearer()};
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
    void theSlaveAsksTheMasterAndIsEqualAfterwards() {
        pair.master.log.append(MasterFixture.hourly("Cairo", 4));
        assertThat(pair.inSync()).isFalse();

        Reply reply = pair.slaveServer.send("POST", SYNC, null, (String) null, OPERATOR);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.keys()).containsExactly("code", "message", "data");
        assertThat(reply.json().get("message").asText()).isEqualTo("sync pushed");
        JsonNode data = reply.json().get("data");
        assertThat(Reply.keys(data)).containsExactly("from_seq", "to_seq", "pushed", "resent");
        assertThat(data.get("to_seq").asLong()).isEqualTo(pair.master.log.head());
        assertThat(pair.inSync()).isTrue();
    }

    @Test
    void aCityIsForwardedAndRepairsIt() {
        pair.level();
        pair.corrupt("Beijing");

        Reply reply = pair.slaveServer.post(SYNC, "{\"city\":\"Beijing\",\"end_date\":\"2026-11-23\"}", OPERATOR);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("data").get("resent").asInt()).isEqualTo(4);
        assertThat(pair.inSync()).isTrue();
    }

    @Test
    void aBadBodyIsRefusedByTheSlaveWithoutAskingTheMaster() {
        int logged = pair.syncLog().size();

        assertError(pair.slaveServer.post(SYNC, "{\"city\":5}", OPERATOR), 400, "city: must be a string");
        assertError(pair.slaveServer.post(SYNC, "{\"start_date\":\"soon\"}", OPERATOR), 400, "start_date:");

        assertThat(pair.syncLog()).hasSize(logged);
    }

    @Test
    void aNameTheMasterRefusesComesBackAsA502SayingWhy() {
        Reply reply = pair.slaveServer.post("/api/dms/slaves/backup2/sync", "{}", OPERATOR);

        assertError(reply, 502, "master answered HTTP 403");
        assertThat(reply.json().get("message").asText()).contains("may only request a sync of itself")
                .doesNotContain(pair.slave.apiSecret());
    }

    @Test
    void anUnreachableMasterIsA502() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        InMemoryReplica replica = new InMemoryReplica();
        try (HttpMasterClient dead = new HttpMasterClient("http://127.0.0.1:" + closedPort, pair.slave.apiKey(),
                pair.slave.apiSecret(), new ChangeJson());
             TestServer lonely = TestServer.start(routing -> TestPush.register(routing, new SlaveApi.Dependencies(
                     new QueryWeatherService(replica), ReplicationServices.of(replica, dead, null, Clock.systemUTC(), 100, 100)
                             .live(), push -> 0, new RequestSyncService(dead),
                     () -> ClusterStatus.of(List.of()), List.of())))) {

            Reply reply = lonely.post(SYNC, "{}", OPERATOR);

            assertError(reply, 502, "master: POST /api/dms/slaves/backup1/sync: master at http://127.0.0.1:"
                    + closedPort + " unreachable");
            assertThat(reply.body()).doesNotContain(pair.slave.apiSecret());
        }
    }
}
