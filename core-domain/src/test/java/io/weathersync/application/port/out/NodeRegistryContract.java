package io.weathersync.application.port.out;

import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.HeartbeatRecord;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.StoredCredential;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.model.StreamId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract of the master's {@link NodeRegistry}: nodes, credentials, heartbeats and the sync log. */
public abstract class NodeRegistryContract {

    private static final Instant T = Instant.parse("2026-11-23T10:00:00.250Z");

    /** A fresh, empty registry, for one test. */
    protected abstract NodeRegistry createRegistry();

    private static Node node(String name, NodeType type, long minutes) {
        return new Node(UUID.randomUUID().toString(), type, name, "node " + name, "http://10.0.0.7:8081", true,
                T.plus(Duration.ofMinutes(minutes)));
    }

    private static Heartbeat heartbeat(long appliedSeq) {
        return new Heartbeat(new StreamId("stream-1"), appliedSeq, T.plusMillis(appliedSeq), Duration.ofSeconds(3600),
                "0.1.0", "10.0.0.7", 8081);
    }

    private static SyncLogEntry log(String nodeId, long minutes, String detail) {
        return new SyncLogEntry(nodeId, T.plus(Duration.ofMinutes(minutes)), "pull", true, minutes, minutes + 10,
                11, detail);
    }

    @Test
    void anAddedNodeIsFoundByIdAndByNameWithEveryField() {
        NodeRegistry registry = createRegistry();
        Node node = new Node(UUID.randomUUID().toString(), NodeType.CHILD, "slave-1", "北京 slave",
                "https://x.example/api", false, T);
        Node bare = new Node(UUID.randomUUID().toString(), NodeType.PARENT, "master", null, null, true, T);

        registry.add(node);
        registry.add(bare);

        assertThat(registry.find(node.id())).contains(node);
        assertThat(registry.findByName("slave-1")).contains(node);
        assertThat(registry.find(bare.id())).contains(bare);
        assertThat(registry.find(bare.id()).orElseThrow().description()).isEmpty();
        assertThat(registry.find(bare.id()).orElseThrow().apiUrl()).isEmpty();
    }

    @Test
    void anUnknownIdOrNameIsNotFound() {
        NodeRegistry registry = createRegistry();
        registry.add(node("slave-1", NodeType.CHILD, 0));

        assertThat(registry.find(UUID.randomUUID().toString())).isEmpty();
        assertThat(registry.findByName("slave-2")).isEmpty();
    }

    @Test
    void aTakenNameIsRejectedAndChangesNothing() {
        NodeRegistry registry = createRegistry();
        Node first = node("slave-1", NodeType.CHILD, 0);
        Node second = node("slave-1", NodeType.CHILD, 1);
        registry.add(first);

        assertThatThrownBy(() -> registry.add(second))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("slave-1");
        assertThat(registry.find(second.id())).isEmpty();
        assertThat(registry.findByName("slave-1")).contains(first);
        assertThat(registry.list(Optional.empty())).containsExactly(first);
    }

    @Test
    void listIsByCreationTimeAndCanBeFilteredByType() {
        NodeRegistry registry = createRegistry();
        Node late = node("slave-late", NodeType.CHILD, 30);
        Node master = node("master", NodeType.PARENT, 0);
        Node early = node("slave-early", NodeType.CHILD, 10);
        registry.add(late);
        registry.add(master);
        registry.add(early);

        assertThat(registry.list(Optional.empty())).containsExactly(master, early, late);
        assertThat(registry.list(Optional.of(NodeType.CHILD))).containsExactly(early, late);
        assertThat(registry.list(Optional.of(NodeType.PARENT))).containsExactly(master);
    }

    @Test
    void anEmptyRegistryListsNothing() {
        assertThat(createRegistry().list(Optional.empty())).isEmpty();
    }

    @Test
    void aNodeCanBeDisabledAndEnabledAgain() {
        NodeRegistry registry = createRegistry();
        Node node = node("slave-1", NodeType.CHILD, 0);
        registry.add(node);

        assertThat(registry.setActive(node.id(), false)).isTrue();
        assertThat(registry.find(node.id())).contains(node.withActive(false));
        assertThat(registry.setActive(node.id(), true)).isTrue();
        assertThat(registry.find(node.id())).contains(node);
    }

    @Test
    void settingAnUnknownNodeActiveIsFalseAndChangesNothing() {
        NodeRegistry registry = createRegistry();
        Node node = node("slave-1", NodeType.CHILD, 0);
        registry.add(node);

        assertThat(registry.setActive(UUID.randomUUID().toString(), false)).isFalse();
        assertThat(registry.list(Optional.empty())).containsExactly(node);
    }

    @Test
    void aStoredCredentialIsFoundByItsKey() {
        NodeRegistry registry = createRegistry();
        Node node = node("slave-1", NodeType.CHILD, 0);
        registry.add(node);
        StoredCredential credential = new StoredCredential(node.id(), "CN" + "a".repeat(32), "salt$hash-1");

        registry.replaceCredential(credential);

        assertThat(registry.credentialByKey("CN" + "a".repeat(32))).contains(credential);
        assertThat(registry.credentialByKey("CN" + "b".repeat(32))).isEmpty();
    }

    @Test
    void replacingACredentialRevokesTheOldKey() {
        NodeRegistry registry = createRegistry();
        Node node = node("slave-1", NodeType.CHILD, 0);
        registry.add(node);
        StoredCredential old = new StoredCredential(node.id(), "CN" + "a".repeat(32), "salt$old");
        StoredCredential fresh = new StoredCredential(node.id(), "CN" + "b".repeat(32), "salt$new");
        registry.replaceCredential(old);

        registry.replaceCredential(fresh);

        assertThat(registry.credentialByKey(old.apiKey())).isEmpty();
        assertThat(registry.credentialByKey(fresh.apiKey())).contains(fresh);
    }

    @Test
    void replacingOneNodesCredentialLeavesAnothersAlone() {
        NodeRegistry registry = createRegistry();
        Node one = node("slave-1", NodeType.CHILD, 0);
        Node two = node("slave-2", NodeType.CHILD, 1);
        registry.add(one);
        registry.add(two);
        StoredCredential twos = new StoredCredential(two.id(), "CN" + "c".repeat(32), "salt$two");
        registry.replaceCredential(twos);

        registry.replaceCredential(new StoredCredential(one.id(), "CN" + "a".repeat(32), "salt$one"));
        registry.replaceCredential(new StoredCredential(one.id(), "CN" + "b".repeat(32), "salt$one2"));

        assertThat(registry.credentialByKey(twos.apiKey())).contains(twos);
    }

    @Test
    void aNewHeartbeatReplacesTheNodesPreviousOne() {
        NodeRegistry registry = createRegistry();
        Node one = node("slave-1", NodeType.CHILD, 0);
        Node two = node("slave-2", NodeType.CHILD, 1);
        registry.add(one);
        registry.add(two);
        HeartbeatRecord oneLatest = new HeartbeatRecord(one.id(), T.plusSeconds(30), heartbeat(12));
        HeartbeatRecord twoOnly = new HeartbeatRecord(two.id(), T.plusSeconds(20),
                new Heartbeat(null, 0, null, Duration.ZERO, null, null, 0));

        registry.recordHeartbeat(new HeartbeatRecord(one.id(), T.plusSeconds(15), heartbeat(5)));
        registry.recordHeartbeat(twoOnly);
        registry.recordHeartbeat(oneLatest);

        assertThat(registry.lastHeartbeats()).containsExactlyInAnyOrder(oneLatest, twoOnly);
    }

    @Test
    void withoutHeartbeatsThereAreNoLastHeartbeats() {
        NodeRegistry registry = createRegistry();
        registry.add(node("slave-1", NodeType.CHILD, 0));

        assertThat(registry.lastHeartbeats()).isEmpty();
    }

    @Test
    void syncLogsAreNewestFirstLimitedAndFilteredByNode() {
        NodeRegistry registry = createRegistry();
        Node one = node("slave-1", NodeType.CHILD, 0);
        Node two = node("slave-2", NodeType.CHILD, 1);
        registry.add(one);
        registry.add(two);
        List<SyncLogEntry> ones = new ArrayList<>();
        List<SyncLogEntry> twos = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SyncLogEntry a = log(one.id(), 2 * i, "one " + i);
            SyncLogEntry b = log(two.id(), 2 * i + 1, "two " + i);
            registry.appendSyncLog(a);
            registry.appendSyncLog(b);
            ones.add(a);
            twos.add(b);
        }

        assertThat(registry.syncLogs(Optional.empty(), 3)).containsExactly(twos.get(4), ones.get(4), twos.get(3));
        assertThat(registry.syncLogs(Optional.of(one.id()), 2)).containsExactly(ones.get(4), ones.get(3));
        assertThat(registry.syncLogs(Optional.of(two.id()), 100)).containsExactlyElementsOf(twos.reversed());
        assertThat(registry.syncLogs(Optional.of(UUID.randomUUID().toString()), 10)).isEmpty();
    }

    @Test
    void aSyncLogEntryKeepsEveryField() {
        NodeRegistry registry = createRegistry();
        Node node = node("slave-1", NodeType.CHILD, 0);
        registry.add(node);
        SyncLogEntry failed = new SyncLogEntry(node.id(), T, "report", false, 0, 0, 0, "x".repeat(2000));
        SyncLogEntry pushed = new SyncLogEntry(node.id(), T.plusMillis(1), "push", true, 1, 5_000_000_000L, 1000,
                "上海 ok");

        registry.appendSyncLog(failed);
        registry.appendSyncLog(pushed);

        assertThat(registry.syncLogs(Optional.of(node.id()), 10)).containsExactly(pushed, failed);
    }
}
