package io.weathersync.domain.status;

import io.weathersync.domain.model.StreamId;
import io.weathersync.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The status view at the timeout boundaries, with lags, delays and totals. */
class StatusAggregatorTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration OFFLINE_AFTER = Duration.ofSeconds(45);
    private static final StreamId MASTER_STREAM = new StreamId("master-stream");

    private final MutableClock clock = new MutableClock(NOW);
    private final StatusAggregator aggregator = new StatusAggregator(clock, OFFLINE_AFTER);

    private static NodeObservation slave(Instant lastSeen, Instant lastSync, StreamId stream, long appliedSeq) {
        return new NodeObservation("slave-1", NodeRole.SLAVE, "10.0.0.7", 8081, Duration.ofSeconds(3600), 2,
                lastSeen, lastSync, stream, appliedSeq);
    }

    private NodeStatus one(NodeObservation node, long head) {
        return aggregator.aggregate(MASTER_STREAM, head, List.of(node)).nodes().getFirst();
    }

    @Test
    void aNodeHeardFromExactlyAtTheTimeoutIsStillOnline() {
        NodeStatus status = one(slave(NOW.minus(OFFLINE_AFTER), NOW, MASTER_STREAM, 10), 10);

        assertThat(status.state()).isEqualTo(NodeState.RUNNING);
        assertThat(status.online()).isTrue();
    }

    @Test
    void aNodeSilentOneMillisecondLongerIsOffline() {
        NodeStatus status = one(slave(NOW.minus(OFFLINE_AFTER).minusMillis(1), NOW, MASTER_STREAM, 10), 10);

        assertThat(status.state()).isEqualTo(NodeState.OFFLINE);
        assertThat(status.online()).isFalse();
    }

    @Test
    void aNodeGoesOfflineAsTheClockMovesPastTheTimeout() {
        NodeObservation node = slave(NOW, NOW, MASTER_STREAM, 10);

        clock.advance(OFFLINE_AFTER);
        NodeState atBound = one(node, 10).state();
        clock.advance(Duration.ofMillis(1));
        NodeState past = one(node, 10).state();

        assertThat(atBound).isEqualTo(NodeState.RUNNING);
        assertThat(past).isEqualTo(NodeState.OFFLINE);
    }

    @Test
    void aNodeNeverHeardFromIsOffline() {
        assertThat(one(slave(null, null, null, 0), 0).state()).isEqualTo(NodeState.OFFLINE);
    }

    @Test
    void anOfflineNodeIsOfflineEvenWhenAlsoBehindOrOnAnotherStream() {
        NodeStatus status = one(slave(NOW.minusSeconds(46), NOW.minusSeconds(600), new StreamId("old"), 3), 100);

        assertThat(status.state()).isEqualTo(NodeState.OFFLINE);
        assertThat(status.lagChanges()).isEqualTo(100);
    }

    @Test
    void aNodeOnAnotherStreamIsDegradedAndLagsByTheWholeLog() {
        NodeStatus status = one(slave(NOW, NOW, new StreamId("old"), 500), 120);

        assertThat(status.state()).isEqualTo(NodeState.DEGRADED);
        assertThat(status.lagChanges()).isEqualTo(120);
    }

    @Test
    void aNodeFollowingNothingWhileTheMasterIsEmptyIsRunning() {
        NodeStatus status = one(slave(NOW, null, null, 0), 0);

        assertThat(status.state()).isEqualTo(NodeState.RUNNING);
        assertThat(status.lagChanges()).isZero();
        assertThat(status.syncDelaySeconds()).isZero();
    }

    @Test
    void aNodeFollowingNothingWhileTheMasterHasChangesIsDegraded() {
        NodeStatus status = one(slave(NOW, null, null, 0), 5);

        assertThat(status.state()).isEqualTo(NodeState.DEGRADED);
        assertThat(status.lagChanges()).isEqualTo(5);
        assertThat(status.syncDelaySeconds()).isNull();
    }

    @Test
    void aNodeBehindForExactlyTheAllowedTimeIsRunning() {
        NodeStatus status = one(slave(NOW, NOW.minus(OFFLINE_AFTER), MASTER_STREAM, 90), 100);

        assertThat(status.state()).isEqualTo(NodeState.RUNNING);
        assertThat(status.lagChanges()).isEqualTo(10);
        assertThat(status.syncDelaySeconds()).isEqualTo(45);
    }

    @Test
    void aNodeBehindForASecondLongerThanAllowedIsDegraded() {
        NodeStatus status = one(slave(NOW, NOW.minus(OFFLINE_AFTER).minusSeconds(1), MASTER_STREAM, 90), 100);

        assertThat(status.state()).isEqualTo(NodeState.DEGRADED);
        assertThat(status.syncDelaySeconds()).isEqualTo(46);
    }

    @Test
    void anUpToDateNodeHasNoDelayHowEverLongAgoItLastSynced() {
        NodeStatus status = one(slave(NOW, NOW.minusSeconds(3600), MASTER_STREAM, 100), 100);

        assertThat(status.state()).isEqualTo(NodeState.RUNNING);
        assertThat(status.lagChanges()).isZero();
        assertThat(status.syncDelaySeconds()).isZero();
    }

    @Test
    void aNodeBehindThatNeverSyncedHasAnUnknownDelayAndIsNotDegradedForIt() {
        NodeStatus status = one(slave(NOW, null, MASTER_STREAM, 90), 100);

        assertThat(status.syncDelaySeconds()).isNull();
        assertThat(status.state()).isEqualTo(NodeState.RUNNING);
    }

    @Test
    void aNodeAheadOfTheHeadLagsByNothing() {
        assertThat(one(slave(NOW, NOW, MASTER_STREAM, 105), 100).lagChanges()).isZero();
    }

    @Test
    void aLastSyncInTheFutureGivesNoNegativeDelay() {
        assertThat(one(slave(NOW, NOW.plusSeconds(30), MASTER_STREAM, 90), 100).syncDelaySeconds()).isZero();
    }

    @Test
    void theNodesReportedFieldsAreCarriedOver() {
        Instant lastSync = NOW.minusSeconds(5);
        NodeStatus status = one(slave(NOW, lastSync, MASTER_STREAM, 100), 100);

        assertThat(status.name()).isEqualTo("slave-1");
        assertThat(status.role()).isEqualTo(NodeRole.SLAVE);
        assertThat(status.host()).isEqualTo("10.0.0.7");
        assertThat(status.port()).isEqualTo(8081);
        assertThat(status.uptimeSeconds()).isEqualTo(3600);
        assertThat(status.tasksCount()).isEqualTo(2);
        assertThat(status.lastSync()).isEqualTo(lastSync);
    }

    @Test
    void theTotalsCountEveryNodeAndThoseNotOffline() {
        NodeObservation master = new NodeObservation("master", NodeRole.MASTER, "127.0.0.1", 8080,
                Duration.ofSeconds(10), 1, NOW, NOW, MASTER_STREAM, 100);
        List<NodeObservation> nodes = List.of(master,
                slave(NOW, NOW, MASTER_STREAM, 100),
                slave(NOW, NOW.minusSeconds(600), MASTER_STREAM, 1),
                slave(NOW.minusSeconds(46), NOW, MASTER_STREAM, 100),
                slave(null, null, null, 0));

        ClusterStatus status = aggregator.aggregate(MASTER_STREAM, 100, nodes);

        assertThat(status.totalNodes()).isEqualTo(5);
        assertThat(status.onlineNodes()).isEqualTo(3);
        assertThat(status.nodes()).extracting(NodeStatus::state).containsExactly(NodeState.RUNNING, NodeState.RUNNING,
                NodeState.DEGRADED, NodeState.OFFLINE, NodeState.OFFLINE);
        assertThat(status.nodes().getFirst().name()).isEqualTo("master");
    }

    @Test
    void aDivergedNodeIsDivergedSayingWhyUnlessItIsOffline() {
        StreamId old = new StreamId("old-stream");
        NodeObservation diverged = new NodeObservation("slave-1", NodeRole.SLAVE, "10.0.0.7", 8081,
                Duration.ofSeconds(60), 2, NOW, NOW, old, 500, "diverged: the master's stream is now new", true);

        NodeStatus online = one(diverged, 3);
        clock.advance(OFFLINE_AFTER.plusSeconds(1));
        NodeStatus silent = one(diverged, 3);

        assertThat(online.state()).isEqualTo(NodeState.DIVERGED);
        assertThat(online.problem()).startsWith("diverged:");
        assertThat(silent.state()).isEqualTo(NodeState.OFFLINE);
    }

    @Test
    void aNodeWithAProblemIsDegradedAndSaysWhyUnlessItIsOffline() {
        NodeObservation refused = new NodeObservation("slave-1", NodeRole.SLAVE, "10.0.0.7", 8081,
                Duration.ofSeconds(3600), 2, NOW, NOW, MASTER_STREAM, 100, "the master refuses this slave");
        NodeObservation silent = new NodeObservation("slave-1", NodeRole.SLAVE, "10.0.0.7", 8081,
                Duration.ofSeconds(3600), 2, NOW.minusSeconds(46), NOW, MASTER_STREAM, 100, "the master refuses");

        NodeStatus degraded = one(refused, 100);

        assertThat(degraded.state()).isEqualTo(NodeState.DEGRADED);
        assertThat(degraded.problem()).isEqualTo("the master refuses this slave");
        assertThat(degraded.online()).isTrue();
        assertThat(one(silent, 100).state()).isEqualTo(NodeState.OFFLINE);
        assertThat(one(slave(NOW, NOW, MASTER_STREAM, 100), 100).problem()).isNull();
    }

    @Test
    void noNodesGiveEmptyTotals() {
        ClusterStatus status = aggregator.aggregate(MASTER_STREAM, 0, List.of());

        assertThat(status.totalNodes()).isZero();
        assertThat(status.onlineNodes()).isZero();
    }

    @Test
    void aTimeoutThatIsNotPositiveIsRejected() {
        assertThatThrownBy(() -> new StatusAggregator(clock, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("offline_after: must be positive");
        assertThatThrownBy(() -> new StatusAggregator(clock, Duration.ofSeconds(-1)))
                .hasMessageStartingWith("offline_after: must be positive");
    }
}
