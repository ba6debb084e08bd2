package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.weathersync.adapter.http.server.TestServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document against the servers: every route a node registers is in the document for that node, every
 * path and method the document lists for a node is registered there, and every 200 JSON example of a GET that
 * needs no parameter has the shape of the real reply (the same keys at every level, the same JSON types).
 */
class OpenApiDocumentTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> HTTP_METHODS = Set.of("get", "post", "put", "delete", "patch");
    private static final OpsNodes NODES = new OpsNodes();
    private static TestServer master;
    private static TestServer slave;

    @BeforeAll
    static void start() {
        master = TestServer.start(NODES.masterRoutes());
        slave = TestServer.start(NODES.slaveRoutes());
        Reply published = master.post("/api/publish", "{\"city\":\"Beijing\",\"temp\":20.5,\"humidity\":50,"
                + "\"timestamp\":\"2026-11-23T09:00:00Z\",\"source\":\"open-meteo\"}",
                "Authorization", MasterFixture.bearer());
        assertThat(published.status()).as(published.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        master.close();
        slave.close();
    }

    @Test
    void theMastersRoutesAreExactlyTheDocumentsMasterPaths() {
        assertThat(RecordedRoutes.of(NODES.masterRoutes())).isEqualTo(documented("master"));
    }

    @Test
    void theSlavesRoutesAreExactlyTheDocumentsSlavePaths() {
        assertThat(RecordedRoutes.of(NODES.slaveRoutes())).isEqualTo(documented("slave"));
    }

    @Test
    void everyExampleReplyHasTheShapeOfTheRealOne() {
        List<String> checked = new ArrayList<>();
        document().get("paths").fields().forEachRemaining(path -> {
            JsonNode get = path.getValue().get("get");
            JsonNode example = get == null ? null
                    : get.at("/responses/200/content/application~1json/example");
            if (example == null || example.isMissingNode() || requiresParameters(path.getValue(), get)) {
                return;
            }
            for (String node : nodesOf(path.getValue())) {
                TestServer server = node.equals("master") ? master : slave;
                Reply real = server.get(path.getKey(), "Accept", "application/json",
                        "Authorization", MasterFixture.bearer());
                assertThat(real.status()).as(node + " " + path.getKey() + ": " + real.body()).isEqualTo(200);
                assertSameShape(path.getKey() + " on the " + node, example, real.json());
                checked.add(node + " " + path.getKey());
            }
        });
        assertThat(checked).contains("master /metrics", "slave /health/ready", "master /api/dms/status",
                "slave /api/dms/digest", "master /api/health");
    }

    @Test
    void theDocumentIsServedAtOpenapiAndItsPageAtOpenapiUi() {
        Reply document = master.get("/openapi");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/yaml"));
        assertThat(document.body()).startsWith("openapi: 3.");

        Reply page = slave.get("/openapi/ui");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/openapi/ui/swagger-ui-bundle.js");
        assertThat(slave.get("/openapi/ui/swagger-ui-bundle.js").body()).contains("SwaggerUIBundle");
        assertThat(slave.get("/openapi/ui/init.js").body()).contains("url: \"/openapi\"");
        Reply other = slave.get("/openapi/ui/index.html");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.keys()).containsExactlyElementsOf(Reply.ERROR_KEYS);
    }

    /** {@code "METHOD /path"} of every operation the document gives {@code node} ({@code x-node} both or it). */
    private static Set<String> documented(String node) {
        Set<String> routes = new TreeSet<>();
        document().get("paths").fields().forEachRemaining(path -> {
            if (nodesOf(path.getValue()).contains(node)) {
                path.getValue().fieldNames().forEachRemaining(method -> {
                    if (HTTP_METHODS.contains(method)) {
                        routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                });
            }
        });
        return routes;
    }

    private static List<String> nodesOf(JsonNode path) {
        String node = path.path("x-node").asText("");
        assertThat(node).as("x-node of a path").isIn("both", "master", "slave");
        return node.equals("both") ? List.of("master", "slave") : List.of(node);
    }

    private static boolean requiresParameters(JsonNode path, JsonNode operation) {
        List<JsonNode> parameters = new ArrayList<>();
        path.path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        return parameters.stream().anyMatch(p -> p.path("required").asBoolean(false));
    }

    private static void assertSameShape(String where, JsonNode example, JsonNode real) {
        if (example.isNull() || real.isNull()) {
            return;
        }
        assertThat(real.getNodeType()).as(where + ": type").isEqualTo(example.getNodeType());
        if (example.isObject()) {
            assertThat(names(real)).as(where + ": keys").isEqualTo(names(example));
            for (Iterator<Map.Entry<String, JsonNode>> it = example.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                assertSameShape(where + "." + field.getKey(), field.getValue(), real.get(field.getKey()));
            }
        } else if (example.isArray() && !example.isEmpty() && !real.isEmpty()) {
            assertSameShape(where + "[0]", example.get(0), real.get(0));
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode document() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(OpenApiRoutes.DOCUMENT)) {
            return YAML.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
