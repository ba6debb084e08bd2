package io.weathersync.adapter.http.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.domain.cluster.RegistryBackup;
import io.weathersync.application.port.out.HeartbeatReply;
import io.weathersync.application.port.out.MasterUnavailableException;
import io.weathersync.application.port.out.SyncOutcome;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.model.ChangePage;
import io.weathersync.domain.model.StreamId;
import io.weathersync.wire.ChangeJson;

import java.time.Duration;

/** Reads the master's seed-002 replies; anything unexpected is a {@link MasterUnavailableException}. */
final class MasterReplies {

    private MasterReplies() {
    }

    /** The {@code data} of a reply whose {@code code} is 0. */
    static JsonNode data(JsonNode reply, String what) {
        if (reply == null || !reply.isObject()) {
            throw malformed(what, "not a JSON object");
        }
        JsonNode code = reply.get("code");
        if (code == null || !code.isIntegralNumber()) {
            throw malformed(what, "code: missing or not a whole number");
        }
        if (code.asLong() != 0) {
            throw new MasterUnavailableException(what + ": master refused with code " + code.asLong() + message(reply));
        }
        JsonNode data = reply.get("data");
        return data == null || data.isNull() ? null : data;
    }

    /** {@code ": <message>"} from a seed-002 error body, or nothing. */
    static String message(JsonNode reply) {
        if (reply == null || !reply.path("message").isTextual()) {
            return "";
        }
        String text = reply.get("message").asText().replaceAll("\\s+", " ").strip();
        return ": " + (text.length() > 200 ? text.substring(0, 200) + "…" : text);
    }

    /** The catch-up page in {@code data}, read strictly by the wire codec. */
    static ChangePage changePage(JsonNode data, ChangeJson json, String what) {
        try {
            return json.pageFromJson(object(data, what));
        } catch (RejectedMessage e) {
            throw malformed(what, "data." + e.getMessage());
        }
    }

    /** The registry in {@code data}, read strictly by the wire codec. */
    static RegistryBackup registry(JsonNode data, ChangeJson json, String what) {
        try {
            return json.registryFromJson(object(data, what));
        } catch (RejectedMessage e) {
            throw malformed(what, "data." + e.getMessage());
        }
    }

    static HeartbeatReply heartbeatReply(JsonNode data, String what) {
        JsonNode object = object(data, what);
        JsonNode key = object.get("public_key");
        if (key != null && !key.isNull() && !key.isTextual()) {
            throw malformed(what, "data.public_key: not a string");
        }
        JsonNode name = object.get("name");
        if (name != null && !name.isNull() && !name.isTextual()) {
            throw malformed(what, "data.name: not a string");
        }
        // A master before uptime and tasks_count were part of the reply leaves them out: shown as 0.
        long uptime = object.has("uptime") ? whole(object, "uptime", what) : 0;
        long tasks = object.has("tasks_count") ? whole(object, "tasks_count", what) : 0;
        if (tasks > Integer.MAX_VALUE) {
            throw malformed(what, "data.tasks_count: too large");
        }
        return new HeartbeatReply(stream(object, what), whole(object, "head", what),
                key == null || key.isNull() ? null : key.asText(), name == null || name.isNull() ? null : name.asText(),
                Duration.ofSeconds(uptime), (int) tasks);
    }

    static SyncOutcome syncOutcome(JsonNode data, String what) {
        JsonNode object = object(data, what);
        long pushed = whole(object, "pushed", what);
        long resent = whole(object, "resent", what);
        if (pushed > Integer.MAX_VALUE || resent > Integer.MAX_VALUE) {
            throw malformed(what, "data.pushed/resent: too large");
        }
        return new SyncOutcome(whole(object, "from_seq", what), whole(object, "to_seq", what), (int) pushed,
                (int) resent);
    }

    private static JsonNode object(JsonNode data, String what) {
        if (data == null || !data.isObject()) {
            throw malformed(what, "data: missing or not an object");
        }
        return data;
    }

    private static StreamId stream(JsonNode data, String what) {
        JsonNode stream = data.get("stream");
        if (stream == null || !stream.isTextual()) {
            throw malformed(what, "data.stream: missing or not a string");
        }
        try {
            return new StreamId(stream.asText());
        } catch (IllegalArgumentException e) {
            throw malformed(what, "data." + e.getMessage());
        }
    }

    private static long whole(JsonNode data, String field, String what) {
        JsonNode value = data.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw malformed(what, "data." + field + ": missing or not a non-negative whole number");
        }
        return value.asLong();
    }

    private static MasterUnavailableException malformed(String what, String problem) {
        return new MasterUnavailableException(what + ": malformed reply from master (" + problem + ")");
    }
}
