package io.weathersync.domain.status;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A slave is ready once synced and while behind no longer than the allowed lag. */
class ReadinessTest {

    private static final Duration MAX = Duration.ofSeconds(60);

    private static ClusterStatus slaveBehind(Long seconds, long changes) {
        return ClusterStatus.of(List.of(
                new NodeStatus("master", NodeRole.MASTER, "m", 8080, NodeState.RUNNING, 10, 1, null, null, 0, null),
                new NodeStatus("s1", NodeRole.SLAVE, "s", 8081, NodeState.RUNNING, 10, 0, Instant.EPOCH, seconds,
                        changes, null)));
    }

    @Test
    void upToDateIsReady() {
        assertThat(Readiness.ofSlave(slaveBehind(0L, 0), MAX)).isEmpty();
    }

    @Test
    void behindExactlyTheAllowedLagIsStillReady() {
        assertThat(Readiness.ofSlave(slaveBehind(60L, 5), MAX)).isEmpty();
    }

    @Test
    void behindLongerIsNotReadyAndSaysBy() {
        assertThat(Readiness.ofSlave(slaveBehind(61L, 7), MAX)).hasValue(
                "behind its master for 61 s (7 changes), more than READY_MAX_LAG 60 s");
    }

    @Test
    void neverSyncedIsNotReady() {
        assertThat(Readiness.ofSlave(slaveBehind(null, 0), MAX)).hasValue("not synced with its master yet");
    }
}
