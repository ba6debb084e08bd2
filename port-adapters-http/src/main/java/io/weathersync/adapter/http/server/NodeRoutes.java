package io.weathersync.adapter.http.server;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.weathersync.domain.cluster.IssuedCredential;
import io.weathersync.domain.cluster.NewNode;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.ProbeResult;
import io.weathersync.domain.cluster.RegisteredNode;

import java.util.Optional;

/**
 * Seed 002's node administration (admin token): register and list nodes, read, edit ({@link NodeEdits}) or delete
 * one, enable or disable it ({@code POST …/enable}, {@code POST …/disable}), issue its credentials (the secret is
 * in this one reply only, and the reply is never logged), and test a connection.
 */
final class NodeRoutes implements HttpService {

    private static final String NODES = "/api/v1/cascade/nodes";
    private static final String NODE = NODES + "/{id}";

    private final MasterApi.Registry registry;
    private final AdminGuard admin;

    NodeRoutes(MasterApi.Registry registry, AdminGuard admin) {
        this.registry = registry;
        this.admin = admin;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(NODES, this::register);
        rules.get(NODES, this::list);
        OnlyMethods.on(rules, NODES, "GET, POST");
        rules.get(NODE, this::read);
        rules.put(NODE, this::edit);
        rules.delete(NODE, this::delete);
        OnlyMethods.on(rules, NODE, "GET, PUT, DELETE");
        rules.post(NODE + "/enable", (req, res) -> setActive(req, res, true));
        OnlyMethods.on(rules, NODE + "/enable", "POST");
        rules.post(NODE + "/disable", (req, res) -> setActive(req, res, false));
        OnlyMethods.on(rules, NODE + "/disable", "POST");
        rules.post(NODE + "/credentials", this::credentials);
        OnlyMethods.on(rules, NODE + "/credentials", "POST");
        rules.post(NODE + "/test-connection", this::testConnection);
        OnlyMethods.on(rules, NODE + "/test-connection", "POST");
    }

    private void register(ServerRequest req, ServerResponse res) {
        admin.require(req);
        BodyFields body = Bodies.object(Bodies.required(req));
        long code = body.whole("node_type", 0, 1).orElseThrow(() -> body.missing("node_type"));
        String name = body.requiredString("name", 64);
        String description = body.string("description", 500).orElse("");
        String apiUrl = body.string("api_url", 2000).orElse("");
        Node node = Validation.valid(() -> registry.register()
                .register(new NewNode(NodeType.ofCode((int) code), name, description, apiUrl)));
        Replies.cascadeOk(res, "node created", Replies.object(
                "node_id", node.id(),
                "node_type", node.type().code(),
                "name", node.name(),
                "is_active", node.active()));
    }

    private void list(ServerRequest req, ServerResponse res) {
        admin.require(req);
        QueryParams params = new QueryParams(req.query());
        Optional<NodeType> type = params.text("node_type").isEmpty() ? Optional.empty()
                : Optional.of(Validation.valid(() -> NodeType.ofCode(params.wholeInt("node_type", -1))));
        Replies.cascadeOk(res, "ok", registry.nodes().list(type).stream().map(Shapes::node).toList());
    }

    private void read(ServerRequest req, ServerResponse res) {
        admin.require(req);
        String id = id(req);
        Replies.cascadeOk(res, "ok", Shapes.node(registry.nodes().find(id).orElseThrow(() -> noSuchNode(id))));
    }

    private void edit(ServerRequest req, ServerResponse res) {
        admin.require(req);
        String id = id(req);
        var changes = NodeEdits.read(Bodies.object(Bodies.required(req)));
        RegisteredNode node = Validation.valid(() -> registry.update().update(id, changes))
                .orElseThrow(() -> noSuchNode(id));
        Replies.cascadeOk(res, "node updated", Shapes.node(node));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        admin.require(req);
        String id = id(req);
        if (!registry.delete().delete(id)) {
            throw noSuchNode(id);
        }
        Replies.cascadeOk(res, "node deleted; its credentials no longer work", Replies.object("id", id,
                "node_id", id));
    }

    private void setActive(ServerRequest req, ServerResponse res, boolean active) {
        admin.require(req);
        String id = id(req);
        if (!registry.enable().setActive(id, active)) {
            throw noSuchNode(id);
        }
        Replies.cascadeOk(res, active ? "node enabled" : "node disabled",
                Replies.object("node_id", id, "is_active", active));
    }

    private void credentials(ServerRequest req, ServerResponse res) {
        admin.require(req);
        String id = id(req);
        IssuedCredential issued = registry.credentials().issue(id).orElseThrow(() -> noSuchNode(id));
        Replies.cascadeOk(res, "credentials issued; the secret is shown only this once, and any earlier "
                + "credentials of this node no longer work", Replies.object(
                "node_id", issued.nodeId(),
                "api_key", issued.apiKey(),
                "api_secret", issued.apiSecret()));
    }

    private void testConnection(ServerRequest req, ServerResponse res) {
        admin.require(req);
        String id = id(req);
        Node node = registry.nodes().find(id).map(RegisteredNode::node).orElseThrow(() -> noSuchNode(id));
        BodyFields body = Bodies.optional(req).map(Bodies::object)
                .orElseGet(() -> new BodyFields("", Replies.MAPPER.createObjectNode()));
        String apiUrl = body.string("api_url", 2000).filter(url -> !url.isBlank()).orElse(node.apiUrl());
        if (apiUrl.isBlank()) {
            throw ApiException.badRequest("api_url: is required, the node has none registered");
        }
        if (!apiUrl.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
            throw ApiException.badRequest(
                    "api_url: must be an http:// or https:// URL, was " + ApiException.quote(apiUrl));
        }
        String apiKey = headerSafe("api_key", body.string("api_key", 200).orElse(""));
        String apiSecret = headerSafe("api_secret", body.string("api_secret", 200).orElse(""));
        ProbeResult probe = registry.testConnection().testConnection(apiUrl, apiKey, apiSecret);
        Replies.cascadeOk(res, probe.reachable() ? "node reachable" : "node unreachable", Replies.object(
                "reachable", probe.reachable(),
                "latency_ms", probe.latencyMs(),
                "role", probe.role(),
                "detail", probe.detail()));
    }

    /**
     * {@code value} when it can travel in an HTTP header (printable ASCII, no spaces); else a 400 naming the field
     * and the position, never the value, which may be most of a real secret.
     */
    private static String headerSafe(String field, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw ApiException.badRequest(field + ": must be printable ASCII without spaces; character "
                        + (i + 1) + " is " + (c < 0x20 || c == 0x7f ? "a control character" : c == ' ' ? "a space"
                        : "not ASCII"));
            }
        }
        return value;
    }

    private static String id(ServerRequest req) {
        return req.path().pathParameters().get("id");
    }

    private static ApiException noSuchNode(String id) {
        return ApiException.notFound("node_id: no node " + ApiException.quote(id));
    }
}
