package io.weathersync.application.service;

import io.weathersync.adapter.memory.InMemoryNodeRegistry;
import io.weathersync.application.port.out.NodeProbe;
import io.weathersync.domain.cluster.AuthResult;
import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.HeartbeatRecord;
import io.weathersync.domain.cluster.IssuedCredential;
import io.weathersync.domain.cluster.NewNode;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeAvailability;
import io.weathersync.domain.cluster.NodeChanges;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.ProbeResult;
import io.weathersync.domain.cluster.RegisteredNode;
import io.weathersync.domain.cluster.SecretHasher;
import io.weathersync.domain.cluster.StoredCredential;
import io.weathersync.domain.cluster.SyncLogEntry;
import io.weathersync.domain.cluster.SyncLogPage;
import io.weathersync.domain.cluster.SyncLogQuery;
import io.weathersync.domain.cluster.SyncLogRecord;
import io.weathersync.domain.cluster.SyncOperation;
import io.weathersync.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.weathersync.testing.TestReadings.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

/** The master's registry: nodes, credentials stored only as hashes, authentication and the sync log. */
class NodeRegistryServiceTest {

    private static final AuthResult INVALID = new AuthResult.Denied(AuthResult.Reason.INVALID_CREDENTIALS);
    private static final Duration OFFLINE_AFTER = Duration.ofSeconds(45);

    private final InMemoryNodeRegistry registry = new InMemoryNodeRegistry();
    private final NodeProbe probe = mock(NodeProbe.class);
    private final MutableClock clock = new MutableClock(T0);
    private final NodeRegistryService service =
            new NodeRegistryService(registry, new SecretHasher(new SecureRandom()), probe, clock, OFFLINE_AFTER);

    private Node slave(String name) {
        return service.register(new NewNode(NodeType.CHILD, name, "slave " + name, "http://10.0.0.7:8081"));
    }

    private static SyncLogEntry entry(String nodeId, long seconds, SyncOperation operation) {
        return SyncLogEntry.at(nodeId, operation, true, 1, seconds, seconds + 1, T0.plusSeconds(seconds), "");
    }

    private Node listed(String id) {
        return service.find(id).orElseThrow().node();
    }

    @Test
    void aRegisteredNodeIsEnabledWithAUuidAndTheClocksTime() {
        clock.advance(Duration.ofMinutes(3));

        Node node = service.register(new NewNode(NodeType.CHILD, "slave-1", "first slave", "http://10.0.0.7:8081"));

        assertThat(UUID.fromString(node.id()).toString()).isEqualTo(node.id());
        assertThat(node.active()).isTrue();
        assertThat(node.createdAt()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
        assertThat(node.type()).isEqualTo(NodeType.CHILD);
        assertThat(node.name()).isEqualTo("slave-1");
        assertThat(node.description()).isEqualTo("first slave");
        assertThat(node.apiUrl()).isEqualTo("http://10.0.0.7:8081");
        assertThat(node.updatedAt()).isEqualTo(node.createdAt());
        assertThat(node.syncConfig()).isEqualTo("{}");
        assertThat(listed(node.id())).isEqualTo(node);
        assertThat(service.list(Optional.of(NodeType.CHILD))).extracting(RegisteredNode::node).containsExactly(node);
        assertThat(service.list(Optional.of(NodeType.PARENT))).isEmpty();
    }

    @Test
    void twoRegisteredNodesGetDifferentIds() {
        assertThat(slave("slave-1").id()).isNotEqualTo(slave("slave-2").id());
    }

    @Test
    void aTakenNameIsRefusedAndNothingIsAdded() {
        Node first = slave("slave-1");

        assertThatThrownBy(() -> slave("slave-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slave-1");
        assertThat(service.list(Optional.empty())).extracting(RegisteredNode::node).containsExactly(first);
    }

    @Test
    void anInvalidNameIsRefusedNamingTheField() {
        assertThatThrownBy(() -> slave("no spaces"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name:");
        assertThat(service.list(Optional.empty())).isEmpty();
    }

    @Test
    void anApiUrlWithoutAUsableHostIsRefusedNamingTheFieldAndNothingIsAdded() {
        assertThatThrownBy(() -> service.register(new NewNode(NodeType.CHILD, "slave-1", "", "http://host|x:8081")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("api_url:");
        assertThat(service.list(Optional.empty())).isEmpty();
    }

    @Test
    void issuingStoresTheKeyAndOnlyAHashOfTheSecret() {
        Node node = slave("slave-1");

        IssuedCredential issued = service.issue(node.id()).orElseThrow();

        assertThat(issued.nodeId()).isEqualTo(node.id());
        assertThat(issued.apiKey()).matches("CN[A-Za-z0-9]{32}");
        assertThat(issued.apiSecret()).matches("CS[A-Za-z0-9]{32}");
        StoredCredential stored = registry.credentialByKey(issued.apiKey()).orElseThrow();
        assertThat(stored.nodeId()).isEqualTo(node.id());
        assertThat(stored.secretHash()).isNotEqualTo(issued.apiSecret())
                .doesNotContain(issued.apiSecret()).doesNotContain(issued.apiSecret().substring(2));
    }

    @Test
    void theIssuedCredentialAuthenticatesItsNode() {
        Node node = slave("slave-1");
        IssuedCredential issued = service.issue(node.id()).orElseThrow();

        assertThat(service.authenticate(issued.apiKey(), issued.apiSecret())).isEqualTo(new AuthResult.Authenticated(node));
    }

    @Test
    void reissuingRevokesTheOldKey() {
        Node node = slave("slave-1");
        IssuedCredential old = service.issue(node.id()).orElseThrow();

        IssuedCredential renewed = service.issue(node.id()).orElseThrow();

        assertThat(renewed.apiKey()).isNotEqualTo(old.apiKey());
        assertThat(service.authenticate(old.apiKey(), old.apiSecret())).isEqualTo(INVALID);
        assertThat(service.authenticate(renewed.apiKey(), renewed.apiSecret()))
                .isEqualTo(new AuthResult.Authenticated(node));
        assertThat(registry.credentialByKey(old.apiKey())).isEmpty();
    }

    @Test
    void anOldSecretWithTheNewKeyIsRefused() {
        Node node = slave("slave-1");
        IssuedCredential old = service.issue(node.id()).orElseThrow();
        IssuedCredential renewed = service.issue(node.id()).orElseThrow();

        assertThat(service.authenticate(renewed.apiKey(), old.apiSecret())).isEqualTo(INVALID);
    }

    @Test
    void anUnknownKeyAndAWrongSecretGetTheSameAnswer() {
        Node node = slave("slave-1");
        IssuedCredential issued = service.issue(node.id()).orElseThrow();

        AuthResult unknownKey = service.authenticate("CN" + "x".repeat(32), issued.apiSecret());
        AuthResult wrongSecret = service.authenticate(issued.apiKey(), "CS" + "x".repeat(32));
        AuthResult emptySecret = service.authenticate(issued.apiKey(), "");

        assertThat(unknownKey).isEqualTo(INVALID);
        assertThat(wrongSecret).isEqualTo(unknownKey);
        assertThat(emptySecret).isEqualTo(unknownKey);
    }

    @Test
    void aKeyOfOneNodeWithTheSecretOfAnotherIsRefused() {
        IssuedCredential first = service.issue(slave("slave-1").id()).orElseThrow();
        IssuedCredential second = service.issue(slave("slave-2").id()).orElseThrow();

        assertThat(service.authenticate(first.apiKey(), second.apiSecret())).isEqualTo(INVALID);
        assertThat(service.authenticate(second.apiKey(), first.apiSecret())).isEqualTo(INVALID);
    }

    @Test
    void aDisabledNodeIsDeniedAsDisabledAndAuthenticatesAgainOnceEnabled() {
        Node node = slave("slave-1");
        IssuedCredential issued = service.issue(node.id()).orElseThrow();

        assertThat(service.setActive(node.id(), false)).isTrue();
        AuthResult whileDisabled = service.authenticate(issued.apiKey(), issued.apiSecret());
        assertThat(service.setActive(node.id(), true)).isTrue();
        AuthResult enabledAgain = service.authenticate(issued.apiKey(), issued.apiSecret());

        assertThat(whileDisabled).isEqualTo(new AuthResult.Denied(AuthResult.Reason.NODE_DISABLED));
        assertThat(enabledAgain).isEqualTo(new AuthResult.Authenticated(listed(node.id())));
    }

    @Test
    void aDisabledNodeWithAWrongSecretIsDeniedAsInvalidNotAsDisabled() {
        Node node = slave("slave-1");
        IssuedCredential issued = service.issue(node.id()).orElseThrow();
        service.setActive(node.id(), false);

        assertThat(service.authenticate(issued.apiKey(), "CS" + "x".repeat(32))).isEqualTo(INVALID);
    }

    @Test
    void enablingAnUnknownNodeAnswersFalse() {
        assertThat(service.setActive(UUID.randomUUID().toString(), false)).isFalse();
    }

    @Test
    void issuingForAnUnknownNodeGivesNothingAndStoresNothing() {
        String unknown = UUID.randomUUID().toString();

        assertThat(service.issue(unknown)).isEmpty();
        assertThat(service.find(unknown)).isEmpty();
    }

    @Test
    void recordedSyncLogsAreReadNewestFirstPerNodeOrOperationWithTheirTotal() {
        String one = slave("slave-1").id();
        String two = slave("slave-2").id();
        List<SyncLogEntry> recorded = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            SyncLogEntry entry = entry(i % 2 == 0 ? one : two, i, i % 3 == 0 ? SyncOperation.SYNC_REQUEST
                    : SyncOperation.CATCH_UP);
            service.record(entry);
            recorded.add(entry);
        }

        SyncLogPage all = service.read(new SyncLogQuery(Optional.empty(), Optional.empty(), 2, 0));
        SyncLogPage ones = service.read(new SyncLogQuery(Optional.of(one), Optional.empty(), 50, 1));
        SyncLogPage requests = service.read(new SyncLogQuery(Optional.empty(), Optional.of(SyncOperation.SYNC_REQUEST),
                50, 0));

        assertThat(all.records()).extracting(SyncLogRecord::entry).containsExactly(recorded.get(5), recorded.get(4));
        assertThat(all.total()).isEqualTo(6);
        assertThat(ones.records()).extracting(SyncLogRecord::entry).containsExactly(recorded.get(2), recorded.get(0));
        assertThat(ones.total()).isEqualTo(3);
        assertThat(requests.records()).extracting(SyncLogRecord::entry)
                .containsExactly(recorded.get(3), recorded.get(0));
    }

    @Test
    void aListedNodeShowsItsKeyIdNeverTheSecretAndItsLastHeartbeat() {
        Node node = slave("slave-1");
        IssuedCredential issued = service.issue(node.id()).orElseThrow();
        HeartbeatRecord beat = new HeartbeatRecord(node.id(), T0.plusSeconds(5),
                new Heartbeat(null, 0, T0.plusSeconds(2), Duration.ofSeconds(9), "1", "", 0));
        registry.recordHeartbeat(beat);

        RegisteredNode listed = service.list(Optional.empty()).getFirst();

        assertThat(listed.apiKey()).contains(issued.apiKey());
        assertThat(listed.toString()).doesNotContain(issued.apiSecret());
        assertThat(listed.lastHeartbeatAt()).contains(T0.plusSeconds(5));
        assertThat(listed.lastSyncAt()).contains(T0.plusSeconds(2));
        assertThat(service.find(node.id())).contains(listed);
    }

    @Test
    void aNodeIsOnlineWithinTheOfflineTimeoutOfItsLastHeartbeatOfflineAfterAndDisabledWhenDisabled() {
        Node node = slave("slave-1");
        NodeAvailability never = service.find(node.id()).orElseThrow().availability();
        registry.recordHeartbeat(new HeartbeatRecord(node.id(), T0, new Heartbeat(null, 0, null, Duration.ZERO, "",
                "", 0)));
        clock.advance(OFFLINE_AFTER);
        NodeAvailability atBound = service.find(node.id()).orElseThrow().availability();
        clock.advance(Duration.ofMillis(1));
        NodeAvailability past = service.list(Optional.empty()).getFirst().availability();
        service.setActive(node.id(), false);
        NodeAvailability disabled = service.find(node.id()).orElseThrow().availability();

        assertThat(never).isEqualTo(NodeAvailability.OFFLINE);
        assertThat(atBound).isEqualTo(NodeAvailability.ONLINE);
        assertThat(past).isEqualTo(NodeAvailability.OFFLINE);
        assertThat(disabled).isEqualTo(NodeAvailability.DISABLED);
    }

    @Test
    void anEditChangesWhatItNamesAndStampsTheUpdateTime() {
        Node node = slave("slave-1");
        clock.advance(Duration.ofMinutes(5));

        RegisteredNode edited = service.update(node.id(), new NodeChanges(Optional.of("slave-one"), Optional.empty(),
                Optional.of(""), Optional.of(false), Optional.of("{\"batch\":10}"))).orElseThrow();

        assertThat(edited.node()).isEqualTo(new Node(node.id(), NodeType.CHILD, "slave-one", node.description(), "",
                false, "{\"batch\":10}", node.createdAt(), T0.plus(Duration.ofMinutes(5))));
        assertThat(listed(node.id())).isEqualTo(edited.node());
    }

    @Test
    void anInvalidEditIsRefusedNamingTheFieldAndChangesNothing() {
        Node node = slave("slave-1");
        slave("slave-2");

        assertThatThrownBy(() -> service.update(node.id(), new NodeChanges(Optional.empty(), Optional.empty(),
                Optional.of("ftp://x"), Optional.empty(), Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("api_url:");
        assertThatThrownBy(() -> service.update(node.id(), new NodeChanges(Optional.of("slave-2"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("slave-2");
        assertThat(listed(node.id())).isEqualTo(node);
        assertThat(service.update(UUID.randomUUID().toString(), NodeChanges.active(true))).isEmpty();
    }

    @Test
    void aDeletedNodesCredentialsStopWorkingAtOnce() {
        Node node = slave("slave-1");
        IssuedCredential issued = service.issue(node.id()).orElseThrow();

        assertThat(service.delete(node.id())).isTrue();

        assertThat(service.authenticate(issued.apiKey(), issued.apiSecret())).isEqualTo(INVALID);
        assertThat(service.find(node.id())).isEmpty();
        assertThat(service.delete(node.id())).isFalse();
    }

    @Test
    void testConnectionAsksTheProbeAndReturnsItsAnswer() {
        ProbeResult answer = new ProbeResult(true, 12, "slave", "");
        when(probe.probe("http://10.0.0.7:8081", "CNkey", "CSsecret")).thenReturn(answer);

        ProbeResult result = service.testConnection("http://10.0.0.7:8081", "CNkey", "CSsecret");

        assertThat(result).isEqualTo(answer);
        verify(probe).probe("http://10.0.0.7:8081", "CNkey", "CSsecret");
        verifyNoMoreInteractions(probe);
    }

    @Test
    void anUnreachableNodeIsReportedAsTheProbeFoundIt() {
        ProbeResult answer = new ProbeResult(false, 3000, "", "connection refused");
        when(probe.probe("http://10.0.0.9:8081", "CNkey", "CSsecret")).thenReturn(answer);

        assertThat(service.testConnection("http://10.0.0.9:8081", "CNkey", "CSsecret")).isEqualTo(answer);
    }
}
