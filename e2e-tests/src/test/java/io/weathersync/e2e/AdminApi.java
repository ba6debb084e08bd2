package io.weathersync.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** The master's node administration (seed 002) as an operator calls it, with the admin token. */
final class AdminApi {

    /** A node's credentials as the master issued them (the secret is shown this once). */
    record Credentials(String nodeId, String apiKey, String apiSecret) {
    }

    private final String masterUrl;
    private final String authorization;

    AdminApi(String masterUrl, String adminToken) {
        this.masterUrl = masterUrl;
        this.authorization = "Bearer " + adminToken;
    }

    /** Registers a child node ({@code node_type} 1) with {@code apiUrl} and issues its credentials. */
    Credentials provision(String name, String description, String apiUrl) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("node_type", 1);
        node.put("name", name);
        node.put("description", description);
        node.put("api_url", apiUrl);
        JsonNode created = ok(JsonHttp.post(masterUrl + "/api/v1/cascade/nodes", authorization, node),
                "POST /api/v1/cascade/nodes " + name);
        String id = created.path("data").path("node_id").asText();
        String path = "/api/v1/cascade/nodes/" + id + "/credentials";
        JsonNode issued = ok(JsonHttp.post(masterUrl + path, authorization, null), "POST " + path);
        return new Credentials(id, issued.path("data").path("api_key").asText(),
                issued.path("data").path("api_secret").asText());
    }

    /** Issues the node new credentials, which revokes its current ones; the new ones are not kept. */
    void reissue(String nodeId) {
        String path = "/api/v1/cascade/nodes/" + nodeId + "/credentials";
        ok(JsonHttp.post(masterUrl + path, authorization, null), "POST " + path);
    }

    /** {@code POST /api/v1/cascade/nodes/{id}/enable} or {@code …/disable}. */
    void setActive(String nodeId, boolean active) {
        String path = "/api/v1/cascade/nodes/" + nodeId + (active ? "/enable" : "/disable");
        ok(JsonHttp.post(masterUrl + path, authorization, null), "POST " + path);
    }

    private static JsonNode ok(JsonHttp.Reply reply, String what) {
        if (reply.status() != 200 || reply.body().path("code").asInt(-1) != 0) {
            throw new AssertionError(what + ": expected 200 with code 0, got " + reply.status() + " " + reply.body());
        }
        return reply.body();
    }
}
