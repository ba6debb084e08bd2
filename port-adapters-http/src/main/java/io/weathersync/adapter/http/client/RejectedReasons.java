package io.weathersync.adapter.http.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.weathersync.wire.ChangeJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code rejected} list of a slave's 200 to live changes ({@code [{"kind","reason"}]}, present only when
 * it rejected some): the slave applies the good changes of a push and names each bad one, as over Redis.
 */
final class RejectedReasons {

    private RejectedReasons() {
    }

    /** The reasons the slave gave, in order; none when the reply names none or cannot be read. */
    static List<String> in(ChangeJson json, byte[] reply) {
        JsonNode rejected;
        try {
            JsonNode root = json.mapper().readTree(reply);
            rejected = root == null ? null : root.get("rejected");
        } catch (IOException e) {
            return List.of();
        }
        if (rejected == null || !rejected.isArray()) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>(rejected.size());
        rejected.forEach(entry -> reasons.add(entry.path("reason").asText("")));
        return reasons;
    }
}
