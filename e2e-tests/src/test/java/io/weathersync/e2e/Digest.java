package io.weathersync.e2e;

import com.fasterxml.jackson.databind.JsonNode;

/** A node's {@code GET /api/dms/digest}: equal digests mean identical data (DESIGN "Sync protocol" 6). */
record Digest(String stream, long appliedSeq, long rows, String hash) {

    static Digest of(JsonNode body) {
        if (!body.isObject() || !body.has("applied_seq") || !body.has("rows") || !body.has("hash")) {
            throw new AssertionError("not a digest: " + body);
        }
        JsonNode stream = body.get("stream");
        return new Digest(stream == null || stream.isNull() ? null : stream.asText(), body.get("applied_seq").asLong(),
                body.get("rows").asLong(), body.get("hash").asText());
    }

    @Override
    public String toString() {
        return "{stream=" + stream + ", applied_seq=" + appliedSeq + ", rows=" + rows + ", hash=" + hash + "}";
    }
}
