package io.weathersync.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/** What a slave says of itself: its own line of its status view, waited for when needed. */
final class SlaveViews {

    private SlaveViews() {
    }

    /** The slave's own line's {@code status} in its {@code /api/dms/status} ({@code none} when missing). */
    static String selfStatus(NodeProcess slave) {
        JsonNode nodes = JsonHttp.get(slave.url() + "/api/dms/status").body().path("nodes");
        return StreamSupport.stream(nodes.spliterator(), false)
                .filter(node -> node.path("role").asText().equals("slave"))
                .map(node -> node.path("status").asText())
                .findFirst().orElse("none");
    }

    /** Waits until the slave says {@code diverged}; fails with its status and log after {@code bound}. */
    static void awaitDiverged(NodeProcess slave, Duration bound) {
        awaitStatus(slave, "diverged"::equals, "report diverged", bound);
    }

    /**
     * Waits until the slave no longer says {@code diverged}: it clears that at its next catch-up from a master on its
     * own stream, which can come after the digests already match.
     */
    static void awaitFollowing(NodeProcess slave, Duration bound) {
        awaitStatus(slave, status -> !"diverged".equals(status), "follow its master again", bound);
    }

    private static void awaitStatus(NodeProcess slave, Predicate<String> wanted, String what, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!wanted.test(selfStatus(slave))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(slave.name() + " did not " + what + " within " + bound + "; status "
                        + JsonHttp.get(slave.url() + "/api/dms/status").body() + "; log " + slave.log());
            }
            Cluster.sleep(Duration.ofMillis(200));
        }
    }

    /**
     * Waits until the slave, since its last start, kept a copy of its master's registry (what a restore gives the
     * new master, so that the slaves' current credentials stay valid).
     */
    static void awaitRegistryCopy(NodeProcess slave, Duration bound) {
        if (slave.awaitLine(line -> line.contains("kept a copy of the master's registry"), bound).isEmpty()) {
            throw new AssertionError(slave.name() + " kept no copy of the master's registry within " + bound
                    + "; log " + slave.log());
        }
    }
}
