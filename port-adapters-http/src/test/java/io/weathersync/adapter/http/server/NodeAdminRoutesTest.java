package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.adapter.http.server.TestServer.Reply;
import io.weathersync.domain.cluster.AuthResult;
import io.weathersync.domain.cluster.NewNode;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 002's node administration: admin token, {@code {"code","message","data"}} replies. */
class NodeAdminRoutesTest {

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
    void registeringANodeAnswersSeed002sShape() {
        Reply reply = admin("POST", "/api/v1/cascade/nodes", "{\"node_type\":1,\"name\":\"child-1\","
                + "\"description\":\"more capacity\",\"api_url\":\"http://child-server:8001\"}");

        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.keys()).containsExactly("code", "message", "data");
        assertThat(reply.json().get("code").asInt()).isZero();
        JsonNode data = reply.json().get("data");
        assertThat(Reply.keys(data)).containsExactly("node_id", "node_type", "name", "is_active");
        assertThat(data.get("node_type").asInt()).isEqualTo(1);
        assertThat(data.get("name").asText()).isEqualTo("child-1");
        assertThat(data.get("is_active").asBoolean()).isTrue();
        Node stored = MASTER.nodes.find(data.get("node_id").asText()).orElseThrow().node();
        assertThat(stored.apiUrl()).isEqualTo("http://child-server:8001");
        assertThat(stored.description()).isEqualTo("more capacity");
    }

    @Test
    void invalidRegistrationsAreA400NamingTheFieldAndStoreNothing() {
        MASTER.slave("taken");
        int before = MASTER.nodes.list(Optional.empty()).size();
        assertRejected("{\"name\":\"x\"}", "node_type:");
        assertRejected("{\"node_type\":2,\"name\":\"x\"}", "node_type:");
        assertRejected("{\"node_type\":\"1\",\"name\":\"x\"}", "node_type:");
        assertRejected("{\"node_type\":1}", "name:");
        assertRejected("{\"node_type\":1,\"name\":\"has space\"}", "name:");
        assertRejected("{\"node_type\":1,\"name\":\"taken\"}", "name:");
        assertRejected("{\"node_type\":1,\"name\":\"x\",\"api_url\":\"ftp://x\"}", "api_url:");
        assertRejected("{\"node_type\":1,\"name\":\"x\",\"description\":7}", "description:");
        assertRejected("[{\"node_type\":1,\"name\":\"x\"}]", "body:");
        assertRejected("{\"node_type\":1,", "body:");
        assertThat(MASTER.nodes.list(Optional.empty())).hasSize(before);
    }

    @Test
    void theSecretIsShownOnceAndTheNodeListShowsOnlyTheKeyId() {
        String id = MASTER.slave("secretive").nodeId();

        Reply issued = admin("POST", "/api/v1/cascade/nodes/" + id + "/credentials", null);

        assertThat(issued.status()).isEqualTo(200);
        JsonNode data = issued.json().get("data");
        assertThat(Reply.keys(data)).containsExactly("node_id", "api_key", "api_secret");
        String key = data.get("api_key").asText();
        String secret = data.get("api_secret").asText();
        assertThat(key).matches("CN[A-Za-z0-9]{32}");
        assertThat(secret).matches("CS[A-Za-z0-9]{32}");
        assertThat(MASTER.nodes.authenticate(key, secret)).isInstanceOf(AuthResult.Authenticated.class);
        Reply list = admin("GET", "/api/v1/cascade/nodes", null);
        assertThat(list.body()).doesNotContain(secret).doesNotContain("sha256$").contains("\"api_key\":\"" + key + "\"");
        String storedHash = MASTER.registry.credentialByKey(key).orElseThrow().secretHash();
        assertThat(list.body()).doesNotContain(storedHash);
    }

    @Test
    void nodeListShowsEveryNodeOrOneType() {
        MASTER.nodes.register(new NewNode(NodeType.PARENT, "the-parent", "", ""));
        MASTER.slave("listed-child");

        Reply all = admin("GET", "/api/v1/cascade/nodes", null);
        Reply children = admin("GET", "/api/v1/cascade/nodes?node_type=1", null);

        assertThat(names(all)).contains("the-parent", "listed-child");
        assertThat(names(children)).contains("listed-child").doesNotContain("the-parent");
        JsonNode first = all.json().get("data").get(0);
        assertThat(Reply.keys(first)).containsExactly("id", "node_id", "node_type", "name", "description", "api_url",
                "api_key", "parent_id", "status", "is_active", "last_sync_at", "last_heartbeat_at", "sync_config",
                "created_at", "updated_at");
        assertThat(admin("GET", "/api/v1/cascade/nodes?node_type=7", null).status()).isEqualTo(400);
        assertThat(admin("GET", "/api/v1/cascade/nodes?node_type=x", null).json().get("message").asText())
                .startsWith("node_type:");
    }

    @Test
    void disablingAndEnablingANodeChangesWhetherItMayAuthenticate() {
        var credential = MASTER.slave("switchable");

        Reply disabled = admin("POST", "/api/v1/cascade/nodes/" + credential.nodeId() + "/disable", null);

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(Reply.keys(disabled.json().get("data"))).containsExactly("node_id", "is_active");
        assertThat(disabled.json().get("data").get("is_active").asBoolean()).isFalse();
        assertThat(MASTER.nodes.authenticate(credential.apiKey(), credential.apiSecret()))
                .isEqualTo(new AuthResult.Denied(AuthResult.Reason.NODE_DISABLED));
        Reply enabled = admin("POST", "/api/v1/cascade/nodes/" + credential.nodeId() + "/enable", null);
        assertThat(enabled.json().get("data").get("is_active").asBoolean()).isTrue();
        assertThat(MASTER.nodes.authenticate(credential.apiKey(), credential.apiSecret()))
                .isInstanceOf(AuthResult.Authenticated.class);
    }

    @Test
    void anUnknownNodeIsA404InSeed002Form() {
        for (String action : List.of("enable", "disable", "credentials", "test-connection")) {
            Reply reply = admin("POST", "/api/v1/cascade/nodes/no-such-node/" + action, null);
            assertThat(reply.status()).as(action).isEqualTo(404);
            assertThat(reply.keys()).containsExactly("code", "message", "data", "error");
            assertThat(reply.json().get("code").asInt()).isEqualTo(404);
            assertThat(reply.json().get("message").asText()).contains("no-such-node");
        }
    }

    @Test
    void testConnectionProbesTheGivenUrlOrTheRegisteredOne() {
        String id = MASTER.slave("probed").nodeId();

        Reply given = admin("POST", "/api/v1/cascade/nodes/" + id + "/test-connection",
                "{\"api_url\":\"http://10.0.0.9:8081\",\"api_key\":\"CNx\",\"api_secret\":\"CSy\"}");
        Reply registered = admin("POST", "/api/v1/cascade/nodes/" + id + "/test-connection", null);

        assertThat(given.status()).as(given.body()).isEqualTo(200);
        assertThat(Reply.keys(given.json().get("data"))).containsExactly("reachable", "latency_ms", "role", "detail");
        assertThat(given.json().get("data").get("reachable").asBoolean()).isTrue();
        assertThat(given.json().get("data").get("latency_ms").asLong()).isEqualTo(7);
        assertThat(registered.status()).isEqualTo(200);
        assertThat(MASTER.probedUrls).containsSubsequence("http://10.0.0.9:8081", "http://probed.local:8081");
        assertThat(admin("POST", "/api/v1/cascade/nodes/" + id + "/test-connection", "{\"api_url\":\"file:///etc\"}")
                .status()).isEqualTo(400);
    }

    @Test
    void adminEndpointsRefuseAMissingOrWrongToken() {
        int before = MASTER.nodes.list(Optional.empty()).size();
        String body = "{\"node_type\":1,\"name\":\"intruder\"}";

        Reply missing = server.post("/api/v1/cascade/nodes", body);
        Reply wrong = server.post("/api/v1/cascade/nodes", body, AUTH, "Bearer nope");
        Reply list = server.get("/api/v1/cascade/nodes", AUTH, "Bearer nope");
        Reply logs = server.get("/api/v1/cascade/sync-logs");

        for (Reply reply : List.of(missing, wrong, list, logs)) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.keys()).containsExactly("code", "message", "data", "error");
            assertThat(reply.json().get("code").asInt()).isEqualTo(401);
            assertThat(reply.json().get("data").isNull()).isTrue();
        }
        assertThat(MASTER.nodes.list(Optional.empty())).hasSize(before);
    }

    @Test
    void adminEndpointsAreDisabledWithoutAToken() {
        MasterFixture master = new MasterFixture();
        try (TestServer disabled = TestServer.start(routing -> MasterApi.register(routing,
                master.deps(Optional.empty(), AuthThrottle.standard(master.clock), List.of())))) {
            Reply reply = disabled.post("/api/v1/cascade/nodes", "{\"node_type\":1,\"name\":\"x\"}",
                    AUTH, "Bearer ");

            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.json().get("message").asText()).isEqualTo("admin endpoints are disabled: set ADMIN_TOKEN");
            assertThat(reply.json().get("code").asInt()).isEqualTo(403);
            assertThat(master.nodes.list(Optional.empty())).isEmpty();
        }
    }

    private static void assertRejected(String body, String field) {
        Reply reply = admin("POST", "/api/v1/cascade/nodes", body);
        assertThat(reply.status()).as(body + " → " + reply.body()).isEqualTo(400);
        assertThat(reply.keys()).containsExactly("code", "message", "data", "error");
        assertThat(reply.json().get("code").asInt()).isEqualTo(400);
        assertThat(reply.json().get("message").asText()).as(body).startsWith(field);
    }

    private static List<String> names(Reply reply) {
        List<String> names = new ArrayList<>();
        reply.json().get("data").forEach(node -> names.add(node.get("name").asText()));
        return names;
    }

    private static Reply admin(String method, String path, String json) {
        return server.send(method, path, json == null ? null : "application/json", json, AUTH, MasterFixture.bearer());
    }
}
