package io.weathersync.domain.status;

import java.time.Duration;
import java.util.Optional;

/**
 * Whether a slave follows its master closely enough to take read traffic (an orchestrator's readiness): it has
 * synced at least once, and has been behind the master's head for no longer than the allowed lag.
 */
public final class Readiness {

    private Readiness() {
    }

    /** Why the slave in {@code status} is not ready, or empty when it is (also when the view has no slave line). */
    public static Optional<String> ofSlave(ClusterStatus status, Duration maxLag) {
        return status.nodes().stream().filter(n -> n.role() == NodeRole.SLAVE).findFirst().flatMap(self -> {
            if (self.syncDelaySeconds() == null) {
                return Optional.of("not synced with its master yet");
            }
            if (self.syncDelaySeconds() > maxLag.toSeconds()) {
                return Optional.of("behind its master for " + self.syncDelaySeconds() + " s (" + self.lagChanges()
                        + " changes), more than READY_MAX_LAG " + maxLag.toSeconds() + " s");
            }
            return Optional.empty();
        });
    }
}
