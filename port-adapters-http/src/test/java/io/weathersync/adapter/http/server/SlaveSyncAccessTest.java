package io.weathersync.adapter.http.server;

import io.weathersync.adapter.http.server.TestServer.Reply;
import io.weathersync.domain.cluster.IssuedCredential;
import io.weathersync.domain.model.SyncState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.weathersync.adapter.http.server.SlaveSyncRoutesTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may ask the master to sync a slave (that slave itself or an admin) and what body it accepts; a refused
 * request pushes nothing, which the sync log (one entry per sync, even a failed one) and the slave's state show.
 */
class SlaveSyncAccessTest {

    private static final String SYNC = "/api/dms/slaves/backup1/sync";
    private static final String AUTH = "Authorization";
    private static SyncPair pair;
    private static IssuedCredential other;

    @BeforeAll
    static void start() {
        pair = new SyncPair();
        other = pair.master.slave("backup2");
    }

    @AfterAll
    static void stop() {
        pair.close();
    }

    @Test
    void anotherSlavesCredentialsAreA403AndPushNothing() {
        int logged = pair.syncLog().size();
        SyncState before = pair.replica.state();

        Reply reply = pair.masterServer.post(SYNC, "{}", AUTH, MasterFixture.akSk(other));

        assertError(reply, 403, "node 'backup2' may only request a sync of itself, not of 'backup1'");
        assertThat(reply.body()).doesNotContain(other.apiSecret());
        assertThat(pair.syncLog()).hasSize(logged);
        assertThat(pair.replica.state()).isEqualTo(before);
    }

    @Test
    void missingOrWrongCredentialsAreA401() {
        int logged = pair.syncLog().size();
        String wrongSecret = "AK-SK " + pair.slave.apiKey() + ":CS" + "x".repeat(32);
        for (String header : List.of("", "Bearer wrong-token", "AK-SK nocolon", wrongSecret, "Basic YTpi")) {
            Reply reply = header.isEmpty() ? pair.masterServer.post(SYNC, "{}")
                    : pair.masterServer.post(SYNC, "{}", AUTH, header);
            assertError(reply, 401, "Authorization:");
            assertThat(reply.header("WWW-Authenticate")).as(header).isNotNull();
        }
        assertThat(pair.syncLog()).hasSize(logged);
    }

    @Test
    void theSlaveItselfAndAnAdminMayBothSyncIt() {
        pair.level();
        pair.master.log.append(MasterFixture.hourly("Lima", 2));
        Reply own = pair.masterServer.post(SYNC, "{}", AUTH, MasterFixture.akSk(pair.slave));
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(pair.inSync()).isTrue();

        pair.master.log.append(MasterFixture.hourly("Quito", 2));
        Reply admin = pair.masterServer.post(SYNC, "{}", AUTH, MasterFixture.bearer());
        assertThat(admin.status()).as(admin.body()).isEqualTo(200);
        assertThat(pair.inSync()).isTrue();
    }

    @Test
    void aDisabledSlavesOwnCredentialsAreA403() {
        IssuedCredential resting = pair.master.slave("resting");
        pair.master.nodes.setActive(resting.nodeId(), false);

        assertError(pair.masterServer.post("/api/dms/slaves/resting/sync", "{}", AUTH, MasterFixture.akSk(resting)),
                403, "disabled");
    }

    @Test
    void aBadBodyIsA400NamingTheFieldAndPushesNothing() {
        pair.level();
        pair.corrupt("Oslo");
        int logged = pair.syncLog().size();
        List<List<String>> cases = List.of(
                List.of("{\"city\":5}", "city: must be a string, was the number 5"),
                List.of("{\"city\":\"  \"}", "city: must not be empty"),
                List.of("{\"city\":[\"Oslo\"]}", "city: must be a string"),
                List.of("{\"start_date\":7}", "start_date: must be a string"),
                List.of("{\"start_date\":\"yesterday\"}", "start_date: must be an ISO-8601 instant"),
                List.of("{\"end_date\":\"2026-13-01\"}", "end_date: must be an ISO-8601 instant"),
                List.of("{\"start_date\":\"2026-11-23\",\"end_date\":\"2026-11-22\"}", "end_date: 2026-11-22 is before start_date 2026-11-23"),
                List.of("{\"symbol\":\"AAPL\"}", "symbol: unknown field; expected city, end_date, start_date"),
                List.of("{\"city\":", "body: not JSON"),
                List.of("[{\"city\":\"Oslo\"}]", "body: must be a JSON object"),
                List.of("\"Oslo\"", "body: must be a JSON object"));
        for (List<String> bad : cases) {
            Reply reply = pair.masterServer.post(SYNC, bad.get(0), AUTH, MasterFixture.bearer());
            assertError(reply, 400, bad.get(1));
        }
        Reply text = pair.masterServer.send("POST", SYNC, "text/plain", "{\"city\":\"Oslo\"}", AUTH,
                MasterFixture.bearer());
        assertError(text, 415, "Content-Type");
        assertThat(pair.syncLog()).hasSize(logged);
        assertThat(pair.inSync()).isFalse();
    }
}
