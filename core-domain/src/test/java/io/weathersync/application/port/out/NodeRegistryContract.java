package io.weathersync.application.port.out;

import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.HeartbeatRecord;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.StoredCredential;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.cluster.SyncLogPage;
import io.weathersync.domain.cluster.SyncLogQuery;
import io.weathersync.domain.cluster.SyncLogRecord;
import io.weathersync.domain.cluster.SyncOperation;
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

    private static SyncLogEntry log(String nodeId, long minutes, SyncOperation operation, String detail) {
        return SyncLogEntry.at(nodeId, operation, true, 11, minutes, minutes + 10, T.plus(Duration.ofMinutes(minutes)),
                detail);
    }

    private static SyncLogPage page(NodeRegistry registry, Optional<String> nodeId, Optional<SyncOperation> operation,
                                    int limit, int offset) {
        return registry.syncLogs(new SyncLogQuery(nodeId, operation, limit, offset));
    }

    private static List<SyncLogEntry> entries(SyncLogPage page) {
        return page.records().stream().map(SyncLogRecord::entry).toList();
    }

    @Test
    void anAddedNodeIsFoundByIdAndByNameWithEveryField() {
        NodeRegistry registry = createRegistry();
        Node node = new Node(UUID.randomUUID().toString(), NodeType.CHILD, "slave-1", "北京 slave",
                "https://x.example/api", false, "{\"region\":\"华北\",\"interval\":60}", T, T.plusMillis(1));
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
    void anUpdateReplacesWhatCanChangeAndKeepsTheIdTypeAndCreationTime() {
        NodeRegistry registry = createRegistry();
        Node node = node("slave-1", NodeType.CHILD, 0);
        registry.add(node);
        Node edited = new Node(node.id(), NodeType.PARENT, "slave-one", "renamed", "", false,
                "{\"batch\":500}", T.plusSeconds(99), T.plusSeconds(120));

        assertThat(registry.update(edited)).isTrue();

        Node stored = registry.find(node.id()).orElseThrow();
        assertThat(stored).isEqualTo(new Node(node.id(), NodeType.CHILD, "slave-one", "renamed", "", false,
                "{\"batch\":500}", node.createdAt(), T.plusSeconds(120)));
        assertThat(registry.findByName("slave-1")).isEmpty();
        assertThat(registry.findByName("slave-one")).contains(stored);
    }

    @Test
    void anUpdateToAnotherNodesNameIsRejectedAndChangesNothing() {
        NodeRegistry registry = createRegistry();
        Node one = node("slave-1", NodeType.CHILD, 0);
        Node two = node("slave-2", NodeType.CHILD, 1);
        registry.add(one);
        registry.add(two);

        assertThatThrownBy(() -> registry.update(new Node(two.id(), NodeType.CHILD, "slave-1", "", "", true, T)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slave-1");
        assertThat(registry.find(two.id())).contains(two);
    }

    @Test
    void updatingAnUnknownNodeIsFalseAndAddsNothing() {
        NodeRegistry registry = createRegistry();

        assertThat(registry.update(node("ghost", NodeType.CHILD, 0))).isFalse();
        assertThat(registry.list(Optional.empty())).isEmpty();
    }

    @Test
    void aRemovedNodeLosesItsCredentialAndHeartbeatButNotItsSyncLog() {
        NodeRegistry registry = createRegistry();
        Node gone = node("slave-1", NodeType.CHILD, 0);
        Node stays = node("slave-2", NodeType.CHILD, 1);
        registry.add(gone);
        registry.add(stays);
        StoredCredential credential = new StoredCredential(gone.id(), "CN" + "a".repeat(32), "salt$hash");
        registry.replaceCredential(credential);
        registry.recordHeartbeat(new HeartbeatRecord(gone.id(), T, heartbeat(3)));
        HeartbeatRecord staysBeat = new HeartbeatRecord(stays.id(), T, heartbeat(4));
        registry.recordHeartbeat(staysBeat);
        SyncLogEntry logged = log(gone.id(), 0, SyncOperation.CATCH_UP, "");
        registry.appendSyncLog(logged);

        assertThat(registry.remove(gone.id())).isTrue();

        assertThat(registry.find(gone.id())).isEmpty();
        assertThat(registry.credentialByKey(credential.apiKey())).isEmpty();
        assertThat(registry.credentialOf(gone.id())).isEmpty();
        assertThat(registry.lastHeartbeat(gone.id())).isEmpty();
        assertThat(registry.lastHeartbeats()).containsExactly(staysBeat);
        assertThat(registry.list(Optional.empty())).containsExactly(stays);
        assertThat(entries(page(registry, Optional.of(gone.id()), Optional.empty(), 10, 0))).containsExactly(logged);
        assertThat(registry.remove(gone.id())).isFalse();
        registry.add(node("slave-1", NodeType.CHILD, 2));
        assertThat(registry.findByName("slave-1")).isPresent();
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
        assertThat(registry.credentialOf(node.id())).contains(credential);
        assertThat(registry.credentialOf(UUID.randomUUID().toString())).isEmpty();
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
        assertThat(registry.credentialOf(node.id())).contains(fresh);
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
        assertThat(registry.lastHeartbeat(one.id())).contains(oneLatest);
        assertThat(registry.lastHeartbeat(two.id())).contains(twoOnly);
        assertThat(registry.lastHeartbeat(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void withoutHeartbeatsThereAreNoLastHeartbeats() {
        NodeRegistry registry = createRegistry();
        registry.add(node("slave-1", NodeType.CHILD, 0));

        assertThat(registry.lastHeartbeats()).isEmpty();
    }

    @Test
    void pruningRemovesOldEntriesAndAllButTheNewestOnes() {
        NodeRegistry registry = createRegistry();
        Node one = node("slave-1", NodeType.CHILD, 0);
        registry.add(one);
        for (int minute = 0; minute < 10; minute++) {
            registry.appendSyncLog(log(one.id(), minute, SyncOperation.CATCH_UP, "entry " + minute));
        }

        assertThat(registry.pruneSyncLogs(T.plus(Duration.ofMinutes(3)), 100)).isEqualTo(3);
        assertThat(registry.pruneSyncLogs(T, 4)).isEqualTo(3);
        assertThat(entries(page(registry, Optional.empty(), Optional.empty(), 100, 0)))
                .extracting(SyncLogEntry::detail).containsExactly("entry 9", "entry 8", "entry 7", "entry 6");
        assertThat(registry.pruneSyncLogs(T, 4)).isZero();
        registry.appendSyncLog(log(one.id(), 10, SyncOperation.CATCH_UP, "entry 10"));
        assertThat(page(registry, Optional.empty(), Optional.empty(), 1, 0).records().getFirst().id())
                .as("ids keep rising after a prune").isGreaterThan(10);
    }

    @Test
    void syncLogsAreNewestFirstInPagesFilteredByNodeAndOperationWithTheirTotal() {
        NodeRegistry registry = createRegistry();
        Node one = node("slave-1", NodeType.CHILD, 0);
        Node two = node("slave-2", NodeType.CHILD, 1);
        registry.add(one);
        registry.add(two);
        List<SyncLogEntry> ones = new ArrayList<>();
        List<SyncLogEntry> twos = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            SyncLogEntry a = log(one.id(), 2 * i, i % 2 == 0 ? SyncOperation.CATCH_UP : SyncOperation.SYNC_REQUEST,
                    "one " + i);
            SyncLogEntry b = log(two.id(), 2 * i + 1, SyncOperation.REPORT_RESULT, "two " + i);
            registry.appendSyncLog(a);
            registry.appendSyncLog(b);
            ones.add(a);
            twos.add(b);
        }

        SyncLogPage newest = page(registry, Optional.empty(), Optional.empty(), 3, 0);
        assertThat(entries(newest)).containsExactly(twos.get(4), ones.get(4), twos.get(3));
        assertThat(newest.total()).isEqualTo(10);
        assertThat(entries(page(registry, Optional.empty(), Optional.empty(), 3, 8)))
                .containsExactly(twos.get(0), ones.get(0));
        assertThat(entries(page(registry, Optional.of(one.id()), Optional.empty(), 2, 1)))
                .containsExactly(ones.get(3), ones.get(2));
        SyncLogPage catchUps = page(registry, Optional.of(one.id()), Optional.of(SyncOperation.CATCH_UP), 10, 0);
        assertThat(entries(catchUps)).containsExactly(ones.get(4), ones.get(2), ones.get(0));
        assertThat(catchUps.total()).isEqualTo(3);
        assertThat(entries(page(registry, Optional.empty(), Optional.of(SyncOperation.REPORT_RESULT), 200, 0)))
                .containsExactlyElementsOf(twos.reversed());
        SyncLogPage beyond = page(registry, Optional.of(two.id()), Optional.empty(), 10, 50);
        assertThat(beyond.records()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
        assertThat(page(registry, Optional.of(UUID.randomUUID().toString()), Optional.empty(), 10, 0).total()).isZero();
    }

    @Test
    void syncLogIdsRiseInTheOrderEntriesWereAppended() {
        NodeRegistry registry = createRegistry();
        Node node = node("slave-1", NodeType.CHILD, 0);
        registry.add(node);
        for (int i = 0; i < 3; i++) {
            registry.appendSyncLog(log(node.id(), 0, SyncOperation.CATCH_UP, "same time " + i));
        }

        List<SyncLogRecord> records = page(registry, Optional.empty(), Optional.empty(), 10, 0).records();

        assertThat(records).extracting(SyncLogRecord::id).isSortedAccordingTo(java.util.Comparator.reverseOrder())
                .doesNotHaveDuplicates();
        assertThat(records).extracting(r -> r.entry().detail()).containsExactly("same time 2", "same time 1",
                "same time 0");
    }

    @Test
    void aSyncLogEntryKeepsEveryField() {
        NodeRegistry registry = createRegistry();
        Node node = node("slave-1", NodeType.CHILD, 0);
        registry.add(node);
        SyncLogEntry failed = new SyncLogEntry(node.id(), SyncOperation.REPORT_RESULT, false, 0, 0, 0, T,
                T.plusSeconds(2), "t".repeat(SyncLogEntry.MAX_TASK_ID), "x".repeat(SyncLogEntry.MAX_DETAIL));
        SyncLogEntry pushed = new SyncLogEntry(node.id(), SyncOperation.SYNC_REQUEST, true, 1000, 1, 5_000_000_000L,
                T.plusMillis(1), T.plusMillis(1500), "", "上海 ok");

        registry.appendSyncLog(failed);
        registry.appendSyncLog(pushed);

        assertThat(entries(page(registry, Optional.of(node.id()), Optional.empty(), 10, 0)))
                .containsExactly(pushed, failed);
    }
}
