package io.weathersync.adapter.http.server;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * {@code GET /openapi}: the OpenAPI 3 document of every route (written by hand in
 * {@code META-INF/openapi.yaml}, checked against the routes by a test); {@code GET /openapi/ui}: Swagger UI on it,
 * from the {@code swagger-ui} WebJar in the jar (only the files the page loads are served).
 */
final class OpenApiRoutes implements HttpService {

    /** The document's class-path location. */
    static final String DOCUMENT = "/META-INF/openapi.yaml";
    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
    private static final Map<String, String> UI_FILES = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png");

    @Override
    public void routing(HttpRules rules) {
        rules.get("/openapi", (req, res) -> send(res, DOCUMENT, "application/yaml; charset=utf-8"));
        OnlyMethods.on(rules, "/openapi", "GET");
        rules.get("/openapi/ui", (req, res) -> send(res, "/META-INF/openapi-ui/index.html", "text/html; charset=utf-8"));
        OnlyMethods.on(rules, "/openapi/ui", "GET");
        rules.get("/openapi/ui/{file}", this::uiFile);
    }

    private void uiFile(ServerRequest req, ServerResponse res) {
        String file = req.path().pathParameters().get("file");
        if (file.equals("init.js")) {
            send(res, "/META-INF/openapi-ui/init.js", "text/javascript; charset=utf-8");
            return;
        }
        String type = UI_FILES.get(file);
        if (type == null) {
            throw ApiException.notFound("file: no " + ApiException.quote(file) + " in the OpenAPI page");
        }
        send(res, WEBJAR + file, type);
    }

    private static void send(ServerResponse res, String resource, String type) {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the class path");
            }
            res.headers().set(HeaderValues.create(HeaderNames.CONTENT_TYPE, type));
            res.send(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The WebJar's version, from its Maven metadata, so a new version needs no code change. */
    private static String webjarVersion() {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(
                "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui WebJar is missing from the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
