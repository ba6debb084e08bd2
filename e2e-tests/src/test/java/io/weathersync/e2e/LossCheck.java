package io.weathersync.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks that every reading the master acknowledged is in a node's store with the acknowledged value (or a
 * later value whose request failed without an answer), reading it back through {@code GET /api/weather/history}.
 */
final class LossCheck {

    /** The outcome: how many acknowledged readings were checked, and what is missing or wrong (a sample). */
    record Result(int checked, int lost, List<String> examples) {
    }

    private LossCheck() {
    }

    static Result check(NodeProcess node, Writer writer) {
        Instant start = writer.base().minus(Duration.ofMinutes(1));
        Map<String, Instant> from = new HashMap<>();
        writer.cities().forEach(city -> from.put(city, start));
        return check(node, writer.expected(), from);
    }

    /**
     * Like {@link #check}, for the readings first acknowledged at or after position {@code fromAck} of the writer
     * (e.g. since the last kill): each city's history is read from the earliest of those readings only.
     */
    static Result checkSince(NodeProcess node, Writer writer, int fromAck) {
        Map<Ledger.Key, Set<Ledger.Value>> expected = writer.expectedSince(fromAck);
        Map<String, Instant> from = new HashMap<>();
        expected.keySet().forEach(key -> from.merge(key.city(), key.timestamp(), (a, b) -> a.isBefore(b) ? a : b));
        return check(node, expected, from);
    }

    private static Result check(NodeProcess node, Map<Ledger.Key, Set<Ledger.Value>> expected,
                                Map<String, Instant> from) {
        Instant end = Instant.now().plus(Duration.ofMinutes(30));
        Map<Ledger.Key, Ledger.Value> stored = new HashMap<>();
        from.forEach((city, start) -> stored.putAll(history(node, city, start, end)));
        int lost = 0;
        List<String> examples = new ArrayList<>();
        for (Map.Entry<Ledger.Key, Set<Ledger.Value>> entry : expected.entrySet()) {
            Ledger.Value value = stored.get(entry.getKey());
            if (value == null || !entry.getValue().contains(value)) {
                lost++;
                if (examples.size() < 5) {
                    examples.add(entry.getKey() + ": acknowledged " + entry.getValue() + ", stored " + value);
                }
            }
        }
        return new Result(expected.size(), lost, examples);
    }

    private static Map<Ledger.Key, Ledger.Value> history(NodeProcess node, String city, Instant start, Instant end) {
        Map<Ledger.Key, Ledger.Value> readings = new HashMap<>();
        String base = node.url() + "/api/weather/history?city=" + URLEncoder.encode(city, StandardCharsets.UTF_8)
                + "&start=" + start + "&end=" + end + "&limit=1000";
        String url = base;
        for (int page = 0; page < 1000; page++) {
            JsonHttp.Reply reply = JsonHttp.get(url).expect(200, node.name() + " history of " + city);
            for (JsonNode reading : reply.body()) {
                if (!Writer.SOURCE.equals(reading.path("source").asText())) {
                    continue;
                }
                readings.put(new Ledger.Key(city, Instant.parse(reading.path("timestamp").asText())),
                        new Ledger.Value(reading.path("temp").asDouble(), reading.path("humidity").asInt(),
                                reading.path("pressure").asDouble()));
            }
            String cursor = reply.header("X-Next-Cursor").orElse(null);
            if (cursor == null) {
                return readings;
            }
            url = base + "&cursor=" + cursor;
        }
        throw new AssertionError(node.name() + ": history of " + city + " did not end after 1000 pages");
    }

    /**
     * The seq ranges the master gave acknowledged batches: each as long as its change count, and each after the
     * previous one (a seq handed out twice, e.g. after a crash, would break this). Returns the problems found.
     */
    static List<String> seqProblems(List<Ledger.Ack> acks) {
        List<String> problems = new ArrayList<>();
        long previous = 0;
        for (Ledger.Ack ack : acks) {
            if (ack.lastSeq() - ack.firstSeq() + 1 != ack.changes()) {
                problems.add("batch seq " + ack.firstSeq() + "-" + ack.lastSeq() + " for " + ack.changes() + " changes");
            }
            if (ack.firstSeq() <= previous) {
                problems.add("batch seq " + ack.firstSeq() + "-" + ack.lastSeq() + " not after the previous last seq "
                        + previous);
            }
            previous = Math.max(previous, ack.lastSeq());
        }
        return problems;
    }
}
