package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.adapter.http.server.TestServer.Reply;
import io.weathersync.domain.cluster.AuthResult;
import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.IssuedCredential;
import io.weathersync.domain.cluster.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.weathersync.adapter.http.server.MasterFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** Seed 002's {@code GET}, {@code PUT} and {@code DELETE /api/v1/cascade/nodes/{id}}, and the listed fields. */
class NodeEditRoutesTest {

    private static final MasterFixture MASTER = new MasterFixture();
    private static final String AUTH = "Authorization";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(routing -> MasterApi.register(routing, MASTER.deps()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aNodeIsReadWithStatusKeyIdHeartbeatAndSyncTimes() {
        IssuedCredential credential = MASTER.slave("read-me");
        Node node = MASTER.nodes.find(credential.nodeId()).orElseThrow().node();
        MASTER.status.heartbeat(node, new Heartbeat(MASTER.log.stream(), 0, NOW.minusSeconds(4), Duration.ofSeconds(9),
                "0.1.0", "", 0));

        Reply reply = admin("GET", "/api/v1/cascade/nodes/" + node.id(), null);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.keys()).containsExactly("code", "message", "data");
        JsonNode data = reply.json().get("data");
        assertThat(data.get("id").asText()).isEqualTo(node.id()).isEqualTo(data.get("node_id").asText());
        assertThat(data.get("status").asInt()).as("online").isEqualTo(1);
        assertThat(data.get("api_key").asText()).isEqualTo(credential.apiKey());
        assertThat(reply.body()).doesNotContain(credential.apiSecret());
        assertThat(data.get("parent_id").isNull()).isTrue();
        assertThat(data.get("last_heartbeat_at").asText()).isEqualTo(NOW.toString());
        assertThat(data.get("last_sync_at").asText()).isEqualTo(NOW.minusSeconds(4).toString());
        assertThat(data.get("sync_config").isObject()).isTrue();
        assertThat(data.get("sync_config")).isEmpty();
        assertThat(data.get("updated_at").asText()).isEqualTo(data.get("created_at").asText());
    }

    @Test
    void aNodeNeverHeardFromIsOfflineAndADisabledOneIsDisabled() {
        String quiet = MASTER.slave("quiet-one").nodeId();
        String off = MASTER.slave("off-one").nodeId();
        admin("POST", "/api/v1/cascade/nodes/" + off + "/disable", null);

        assertThat(admin("GET", "/api/v1/cascade/nodes/" + quiet, null).json().get("data").get("status").asInt())
                .isZero();
        assertThat(admin("GET", "/api/v1/cascade/nodes/" + off, null).json().get("data").get("status").asInt())
                .isEqualTo(2);
    }

    @Test
    void anEditChangesWhatItNamesAndAnswersTheNode() {
        String id = MASTER.slave("editable").nodeId();

        Reply reply = admin("PUT", "/api/v1/cascade/nodes/" + id, "{\"name\":\"edited\",\"description\":\"new\","
                + "\"api_url\":\"http://10.0.0.5:8081\",\"is_active\":false,\"sync_config\":{\"batch\":500,"
                + "\"cities\":[\"Beijing\"]}}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode data = reply.json().get("data");
        assertThat(data.get("name").asText()).isEqualTo("edited");
        assertThat(data.get("is_active").asBoolean()).isFalse();
        assertThat(data.get("status").asInt()).isEqualTo(2);
        assertThat(data.get("sync_config").get("batch").asInt()).isEqualTo(500);
        assertThat(data.get("sync_config").get("cities").get(0).asText()).isEqualTo("Beijing");
        Node stored = MASTER.nodes.find(id).orElseThrow().node();
        assertThat(stored.description()).isEqualTo("new");
        assertThat(stored.apiUrl()).isEqualTo("http://10.0.0.5:8081");
    }

    @Test
    void anEditMayCarryTheWholeListedNodeBackAndChangesOnlyWhatCanChange() {
        String id = MASTER.slave("round-trip").nodeId();
        JsonNode listed = admin("GET", "/api/v1/cascade/nodes/" + id, null).json().get("data");
        String body = listed.toString().replace("\"description\":\"\"", "\"description\":\"from the page\"");

        Reply reply = admin("PUT", "/api/v1/cascade/nodes/" + id, body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("data").get("description").asText()).isEqualTo("from the page");
        assertThat(reply.json().get("data").get("created_at")).isEqualTo(listed.get("created_at"));
    }

    @Test
    void badEditsAreA400NamingTheFieldAndChangeNothing() {
        String id = MASTER.slave("strict").nodeId();
        MASTER.slave("other-name");
        Node before = MASTER.nodes.find(id).orElseThrow().node();
        for (String[] body : List.of(
                new String[] {"{\"name\":\"other-name\"}", "name:"},
                new String[] {"{\"name\":\"two words\"}", "name:"},
                new String[] {"{\"api_url\":\"ftp://x\"}", "api_url:"},
                new String[] {"{\"is_active\":\"no\"}", "is_active:"},
                new String[] {"{\"sync_config\":[1]}", "sync_config:"},
                new String[] {"{\"sync_config\":\"{}\"}", "sync_config:"},
                new String[] {"{\"sync_config\":{\"x\":\"" + "y".repeat(2000) + "\"}}", "sync_config:"},
                new String[] {"{\"colour\":\"red\"}", "colour:"},
                new String[] {"{}", "body:"},
                new String[] {"[]", "body:"})) {
            Reply reply = admin("PUT", "/api/v1/cascade/nodes/" + id, body[0]);
            assertThat(reply.status()).as(body[0] + " → " + reply.body()).isEqualTo(400);
            assertThat(reply.json().get("message").asText()).as(body[0]).startsWith(body[1]);
        }
        assertThat(MASTER.nodes.find(id).orElseThrow().node()).isEqualTo(before);
    }

    @Test
    void deletingANodeRevokesItsCredentialsAtOnce() {
        IssuedCredential credential = MASTER.slave("deleted");

        Reply reply = admin("DELETE", "/api/v1/cascade/nodes/" + credential.nodeId(), null);
        Reply heartbeat = server.post("/api/v1/cascade/heartbeat", "{}", AUTH, MasterFixture.akSk(credential));

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("data").get("id").asText()).isEqualTo(credential.nodeId());
        assertThat(MASTER.nodes.authenticate(credential.apiKey(), credential.apiSecret()))
                .isEqualTo(new AuthResult.Denied(AuthResult.Reason.INVALID_CREDENTIALS));
        assertThat(heartbeat.status()).isEqualTo(401);
        assertThat(admin("GET", "/api/v1/cascade/nodes/" + credential.nodeId(), null).status()).isEqualTo(404);
        assertThat(admin("DELETE", "/api/v1/cascade/nodes/" + credential.nodeId(), null).status()).isEqualTo(404);
    }

    @Test
    void anUnknownNodeIsA404ForEachMethodAndOtherMethodsA405() {
        for (String method : List.of("GET", "PUT", "DELETE")) {
            Reply reply = admin(method, "/api/v1/cascade/nodes/no-such-node", method.equals("PUT")
                    ? "{\"description\":\"x\"}" : null);
            assertThat(reply.status()).as(method).isEqualTo(404);
            assertThat(reply.json().get("code").asInt()).isEqualTo(404);
        }
        Reply patch = admin("PATCH", "/api/v1/cascade/nodes/no-such-node", "{}");
        assertThat(patch.status()).isEqualTo(405);
        assertThat(patch.header("Allow")).isEqualTo("GET, PUT, DELETE");
    }

    @Test
    void theseEndpointsNeedTheAdminToken() {
        String id = MASTER.slave("guarded").nodeId();

        for (String method : List.of("GET", "PUT", "DELETE")) {
            Reply reply = server.send(method, "/api/v1/cascade/nodes/" + id, "application/json",
                    method.equals("PUT") ? "{\"description\":\"x\"}" : null, AUTH, "Bearer nope");
            assertThat(reply.status()).as(method).isEqualTo(401);
        }
        assertThat(MASTER.nodes.find(id)).isPresent();
    }

    private static Reply admin(String method, String path, String json) {
        return server.send(method, path, json == null ? null : "application/json", json, AUTH, MasterFixture.bearer());
    }
}
