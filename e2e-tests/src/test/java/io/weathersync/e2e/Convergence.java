package io.weathersync.e2e;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Polls the nodes' {@code GET /api/dms/digest} until all are equal: equal digests mean identical data. */
final class Convergence {

    private static final Duration POLL = Duration.ofMillis(150);

    private Convergence() {
    }

    /** A node's digest. */
    static Digest digest(NodeProcess node) {
        return Digest.of(JsonHttp.get(node.url() + "/api/dms/digest").expect(200, node.name() + " digest").body());
    }

    /**
     * Waits until every node's digest equals the reference node's (which must name a stream) and returns how long
     * that took; past {@code bound} fails naming each node whose digest differs, with its log.
     */
    static Duration await(NodeProcess reference, List<NodeProcess> nodes, Duration bound) {
        long start = System.nanoTime();
        long deadline = start + bound.toNanos();
        Map<String, Object> last = new LinkedHashMap<>();
        while (true) {
            last.clear();
            for (NodeProcess node : nodes) {
                try {
                    last.put(node.name(), digest(node));
                } catch (RuntimeException | AssertionError e) {
                    last.put(node.name(), e.getMessage());
                }
            }
            Object expected = last.get(reference.name());
            if (expected instanceof Digest d && d.stream() != null && last.values().stream().allMatch(expected::equals)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(divergence(reference, nodes, bound, last));
            }
            Cluster.sleep(POLL);
        }
    }

    private static String divergence(NodeProcess reference, List<NodeProcess> nodes, Duration bound,
                                     Map<String, Object> digests) {
        StringBuilder text = new StringBuilder("digests not equal within " + bound.toSeconds() + " s; "
                + reference.name() + " " + digests.get(reference.name()) + " (log " + reference.log() + ")");
        for (NodeProcess node : nodes) {
            if (node != reference && !Objects.equals(digests.get(node.name()), digests.get(reference.name()))) {
                text.append("\n  ").append(node.name()).append(" differs: ").append(digests.get(node.name()))
                        .append(" (log ").append(node.log()).append(")");
            }
        }
        return text.toString();
    }
}
