package io.weathersync.adapter.http.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.weathersync.application.port.in.PublishReadingsUseCase;
import io.weathersync.application.port.in.PublishResult;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.wire.JsonFaults;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/publish} (seed 000): on the master an admin posts one reading object or an array of them;
 * every reading is read and validated before any is stored. A slave is a read-only replica and answers 403.
 */
final class PublishRoutes implements HttpService {

    /** The source recorded for a reading that names none (seed 000's body has no {@code source}). */
    static final String DEFAULT_SOURCE = "api";
    static final String READ_ONLY = "read-only replica: publish readings on the master";
    private static final String PATH = "/api/publish";

    private final PublishReadingsUseCase publish;
    private final AdminGuard admin;

    private PublishRoutes(PublishReadingsUseCase publish, AdminGuard admin) {
        this.publish = publish;
        this.admin = admin;
    }

    static PublishRoutes master(PublishReadingsUseCase publish, AdminGuard admin) {
        return new PublishRoutes(publish, admin);
    }

    static PublishRoutes readOnly() {
        return new PublishRoutes(null, null);
    }

    @Override
    public void routing(HttpRules rules) {
        if (publish == null) {
            rules.post(PATH, (req, res) -> {
                throw new ApiException(Status.FORBIDDEN_403, READ_ONLY);
            });
        } else {
            rules.post(PATH, this::publish);
        }
        OnlyMethods.on(rules, PATH, "POST");
    }

    private void publish(ServerRequest req, ServerResponse res) {
        admin.require(req);
        JsonNode body = Bodies.required(req);
        List<WeatherReading> readings = readings(body);
        PublishResult result = Validation.valid(() -> publish.publish(readings));
        Replies.ok(res, Replies.object(
                "result", "success",
                "accepted", result.accepted(),
                "changes", result.changes(),
                "first_seq", result.firstSeq(),
                "last_seq", result.lastSeq()));
    }

    private static List<WeatherReading> readings(JsonNode body) {
        if (body.isObject()) {
            return List.of(reading("", body));
        }
        if (!body.isArray()) {
            throw ApiException.badRequest("body: must be a reading object or an array of them, was "
                    + JsonFaults.describe(body));
        }
        if (body.isEmpty()) {
            throw ApiException.badRequest("readings: must not be empty");
        }
        List<WeatherReading> readings = new ArrayList<>(body.size());
        for (int i = 0; i < body.size(); i++) {
            JsonNode element = body.get(i);
            if (!element.isObject()) {
                throw ApiException.badRequest("readings[" + i + "]: must be a JSON object, was "
                        + JsonFaults.describe(element));
            }
            readings.add(reading("readings[" + i + "].", element));
        }
        return readings;
    }

    private static WeatherReading reading(String prefix, JsonNode object) {
        JsonNode source = object.get("source");
        if (source == null || source.isNull()) {
            ((ObjectNode) object).put("source", DEFAULT_SOURCE);
        }
        try {
            return Replies.CODEC.readingFromJson(object);
        } catch (RejectedMessage e) {
            throw ApiException.badRequest(prefix + e.getMessage());
        }
    }
}
