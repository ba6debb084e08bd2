package io.weathersync.application.service;

import io.weathersync.adapter.memory.InMemoryChangeLog;
import io.weathersync.adapter.memory.InMemoryNodeRegistry;
import io.weathersync.application.port.out.HeartbeatReply;
import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.HeartbeatRecord;
import io.weathersync.domain.cluster.HeartbeatReport;
import io.weathersync.domain.cluster.MasterIdentity;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;
import io.weathersync.domain.status.ClusterStatus;
import io.weathersync.domain.status.NodeRole;
import io.weathersync.domain.status.NodeState;
import io.weathersync.domain.status.NodeStatus;
import io.weathersync.domain.status.StatusAggregator;
import io.weathersync.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static io.weathersync.testing.TestReadings.T0;
import static io.weathersync.testing.TestReadings.reading;
import static org.assertj.core.api.Assertions.assertThat;

/** The master's side of heartbeats and its status view: itself first, then every slave. */
class MasterStatusServiceTest {

    /** CASCADE_OFFLINE_AFTER's default: three heartbeats of 15 s. */
    private static final Duration OFFLINE_AFTER = Duration.ofSeconds(45);
    private static final String PUBLIC_KEY = "MCowBQYDK2VwAyEA-test-key";
    private static final MasterIdentity MASTER =
            new MasterIdentity("master", "127.0.0.1", 8080, T0.minus(Duration.ofHours(1)), 2);

    private final InMemoryNodeRegistry registry = new InMemoryNodeRegistry();
    private final InMemoryChangeLog log = new InMemoryChangeLog();
    private final MutableClock clock = new MutableClock(T0);
    private final AtomicReference<String> masterProblem = new AtomicReference<>();
    private final MasterStatusService service = new MasterStatusService(registry, log, MASTER, PUBLIC_KEY,
            new StatusAggregator(clock, OFFLINE_AFTER), clock, () -> Optional.ofNullable(masterProblem.get()));
    private int registered;

    private Node node(NodeType type, String name, String apiUrl) {
        Node node = new Node(UUID.randomUUID().toString(), type, name, "", apiUrl, true, T0.plusSeconds(registered++));
        registry.add(node);
        return node;
    }

    private Node slave(String name) {
        return node(NodeType.CHILD, name, "http://10.0.0.7:8081");
    }

    private void appendMany(int count) {
        List<WeatherReading> readings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            readings.add(reading("City " + i, i, i));
        }
        log.append(readings);
    }

    private Heartbeat beat(long appliedSeq) {
        return new Heartbeat(log.stream(), appliedSeq, T0, Duration.ofSeconds(600), "0.1.0", "10.0.0.8", 9091);
    }

    private NodeStatus line(String name) {
        return service.status().nodes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aHeartbeatIsRecordedAndAnsweredWithTheLogsStreamHeadAndThePublicKey() {
        Node node = slave("slave-1");
        appendMany(3);
        clock.advance(Duration.ofSeconds(7));
        Heartbeat heartbeat = beat(1);

        HeartbeatReply reply = service.heartbeat(node, heartbeat);

        assertThat(reply).isEqualTo(new HeartbeatReply(log.stream(), 3, PUBLIC_KEY, "slave-1",
                Duration.ofHours(1).plusSeconds(7), 2));
        assertThat(registry.lastHeartbeats()).containsExactly(new HeartbeatRecord(node.id(), T0.plusSeconds(7), heartbeat));
    }

    @Test
    void theStatusListsTheMasterFirstThenEveryChildButNoParent() {
        slave("slave-b");
        node(NodeType.PARENT, "master-node", "http://127.0.0.1:8080");
        slave("slave-a");

        ClusterStatus status = service.status();

        assertThat(status.nodes()).extracting(NodeStatus::name).containsExactly("master", "slave-b", "slave-a");
        assertThat(status.nodes()).extracting(NodeStatus::role)
                .containsExactly(NodeRole.MASTER, NodeRole.SLAVE, NodeRole.SLAVE);
    }

    @Test
    void theMasterLineDescribesTheMasterRunningAtItsHead() {
        appendMany(4);

        NodeStatus master = service.status().nodes().getFirst();

        assertThat(master).isEqualTo(new NodeStatus("master", NodeRole.MASTER, "127.0.0.1", 8080, NodeState.RUNNING,
                3600, 2, null, 0L, 0, null));
    }

    @Test
    void theMasterLineShowsWhyItCollectsNothingAndIsDegradedMeanwhile() {
        masterProblem.set("weather source open-meteo gave no reading in the last poll: unreachable (56 of 56 cities)");

        NodeStatus degraded = service.status().nodes().getFirst();
        masterProblem.set(null);
        NodeStatus recovered = service.status().nodes().getFirst();

        assertThat(degraded.state()).isEqualTo(NodeState.DEGRADED);
        assertThat(degraded.problem()).startsWith("weather source open-meteo");
        assertThat(recovered.state()).isEqualTo(NodeState.RUNNING);
        assertThat(recovered.problem()).isNull();
    }

    @Test
    void aBodilessHeartbeatRefreshesTheSlavesTimeAndKeepsWhatTheMasterKnew() {
        Node node = slave("slave-1");
        appendMany(57);
        service.heartbeat(node, beat(57));
        NodeStatus before = line("slave-1");
        clock.advance(OFFLINE_AFTER.plusSeconds(1));
        NodeState silent = line("slave-1").state();

        service.heartbeat(node, HeartbeatReport.ALIVE);

        NodeStatus after = line("slave-1");
        assertThat(silent).isEqualTo(NodeState.OFFLINE);
        assertThat(after.state()).isEqualTo(NodeState.RUNNING);
        assertThat(after.lagChanges()).isZero();
        assertThat(after.uptimeSeconds()).isEqualTo(before.uptimeSeconds()).isEqualTo(600);
        assertThat(after.host()).isEqualTo("10.0.0.8");
        assertThat(registry.lastHeartbeat(node.id()).orElseThrow())
                .isEqualTo(new HeartbeatRecord(node.id(), T0.plus(OFFLINE_AFTER).plusSeconds(1), beat(57)));
    }

    @Test
    void aFirstBodilessHeartbeatShowsTheSlaveOnlineButBehindTheWholeLog() {
        Node node = slave("slave-1");
        appendMany(3);

        service.heartbeat(node, HeartbeatReport.ALIVE);

        assertThat(line("slave-1").state()).isEqualTo(NodeState.DEGRADED);
        assertThat(line("slave-1").lagChanges()).isEqualTo(3);
    }

    @Test
    void aHeartbeatingSlaveIsRunningAndLagsByHeadMinusApplied() {
        Node node = slave("slave-1");
        appendMany(5);
        service.heartbeat(node, beat(3));
        clock.advance(Duration.ofSeconds(10));

        NodeStatus line = line("slave-1");

        assertThat(line.state()).isEqualTo(NodeState.RUNNING);
        assertThat(line.lagChanges()).isEqualTo(2);
        assertThat(line.uptimeSeconds()).isEqualTo(600);
        assertThat(line.lastSync()).isEqualTo(T0);
        assertThat(line.syncDelaySeconds()).isEqualTo(10);
    }

    @Test
    void aSlaveUpToDateHasNoLag() {
        Node node = slave("slave-1");
        appendMany(5);
        service.heartbeat(node, beat(5));

        assertThat(line("slave-1").lagChanges()).isZero();
        assertThat(line("slave-1").syncDelaySeconds()).isZero();
    }

    @Test
    void aSlaveOnAnotherStreamIsDegradedAndLagsByTheWholeLog() {
        Node node = slave("slave-1");
        appendMany(5);
        service.heartbeat(node, new Heartbeat(new StreamId("old"), 9, T0, Duration.ofSeconds(1), "0.1.0", "", 0));

        assertThat(line("slave-1").state()).isEqualTo(NodeState.DEGRADED);
        assertThat(line("slave-1").lagChanges()).isEqualTo(5);
    }

    @Test
    void aSlaveNeverHeardFromIsOffline() {
        slave("slave-1");
        appendMany(2);

        NodeStatus line = line("slave-1");

        assertThat(line.state()).isEqualTo(NodeState.OFFLINE);
        assertThat(line.uptimeSeconds()).isZero();
        assertThat(line.lagChanges()).isEqualTo(2);
    }

    @Test
    void aSlaveGoesOfflineAfterTheTimeoutAndIsOnlineAgainAtItsNextHeartbeat() {
        Node node = slave("slave-1");
        service.heartbeat(node, beat(0));

        clock.advance(OFFLINE_AFTER);
        NodeState atBound = line("slave-1").state();
        clock.advance(Duration.ofMillis(1));
        NodeState past = line("slave-1").state();
        clock.advance(Duration.ofMinutes(10));
        NodeState muchLater = line("slave-1").state();
        service.heartbeat(node, beat(0));
        NodeState afterNextBeat = line("slave-1").state();

        assertThat(atBound).isEqualTo(NodeState.RUNNING);
        assertThat(past).isEqualTo(NodeState.OFFLINE);
        assertThat(muchLater).isEqualTo(NodeState.OFFLINE);
        assertThat(afterNextBeat).isEqualTo(NodeState.RUNNING);
    }

    @Test
    void aDisabledSlaveShowsOfflineDespiteAFreshHeartbeatAndOnlineOnceEnabled() {
        Node node = slave("slave-1");
        service.heartbeat(node, beat(0));

        registry.update(node.withActive(false));
        NodeState disabled = line("slave-1").state();
        registry.update(node);
        NodeState enabled = line("slave-1").state();

        assertThat(disabled).isEqualTo(NodeState.OFFLINE);
        assertThat(enabled).isEqualTo(NodeState.RUNNING);
    }

    @Test
    void hostAndPortComeFromTheHeartbeat() {
        Node node = slave("slave-1");
        service.heartbeat(node, beat(0));

        NodeStatus line = line("slave-1");

        assertThat(line.host()).isEqualTo("10.0.0.8");
        assertThat(line.port()).isEqualTo(9091);
    }

    @Test
    void hostAndPortFallBackToTheApiUrlWhenTheHeartbeatHasNone() {
        Node node = node(NodeType.CHILD, "slave-1", "https://slave.example:8443/base");
        service.heartbeat(node, new Heartbeat(log.stream(), 0, null, Duration.ZERO, "0.1.0", "", 0));

        NodeStatus line = line("slave-1");

        assertThat(line.host()).isEqualTo("slave.example");
        assertThat(line.port()).isEqualTo(8443);
    }

    @Test
    void aSlaveNeverHeardFromShowsItsApiUrlsHostAndPort() {
        slave("slave-1");
        node(NodeType.CHILD, "slave-2", "http://slave-2.example");
        node(NodeType.CHILD, "slave-3", null);

        assertThat(line("slave-1").host()).isEqualTo("10.0.0.7");
        assertThat(line("slave-1").port()).isEqualTo(8081);
        assertThat(line("slave-2").host()).isEqualTo("slave-2.example");
        assertThat(line("slave-2").port()).isZero();
        assertThat(line("slave-3").host()).isEmpty();
        assertThat(line("slave-3").port()).isZero();
    }

    @Test
    void theTotalsCountEveryNodeAndThoseOnline() {
        Node one = slave("slave-1");
        Node two = slave("slave-2");
        slave("slave-3");
        service.heartbeat(one, beat(0));
        service.heartbeat(two, beat(0));
        registry.update(two.withActive(false));

        ClusterStatus status = service.status();

        assertThat(status.totalNodes()).isEqualTo(4);
        assertThat(status.onlineNodes()).isEqualTo(2);
    }

    @Test
    void withNoSlavesTheStatusIsTheMasterAlone() {
        ClusterStatus status = service.status();

        assertThat(status.nodes()).extracting(NodeStatus::name).containsExactly("master");
        assertThat(status.totalNodes()).isEqualTo(1);
        assertThat(status.onlineNodes()).isEqualTo(1);
    }
}
