package io.weathersync.application.service;

import io.weathersync.adapter.memory.InMemoryNodeRegistry;
import io.weathersync.application.port.out.NodeProbe;
import io.weathersync.domain.cluster.AuthResult;
import io.weathersync.domain.cluster.IssuedCredential;
import io.weathersync.domain.cluster.NewNode;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.ProbeResult;
import io.weathersync.domain.cluster.SecretHasher;
import io.weathersync.domain.cluster.StoredCredential;
import io.weathersync.domain.cluster.SyncLogEntry;
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

    private final InMemoryNodeRegistry registry = new InMemoryNodeRegistry();
    private final NodeProbe probe = mock(NodeProbe.class);
    private final MutableClock clock = new MutableClock(T0);
    private final NodeRegistryService service =
            new NodeRegistryService(registry, new SecretHasher(new SecureRandom()), probe, clock);

    private Node slave(String name) {
        return service.register(new NewNode(NodeType.CHILD, name, "slave " + name, "http://10.0.0.7:8081"));
    }

    private static SyncLogEntry entry(String nodeId, long seconds, String kind) {
        return new SyncLogEntry(nodeId, T0.plusSeconds(seconds), kind, true, seconds, seconds + 1, 1, "");
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
        assertThat(service.find(node.id())).contains(node);
        assertThat(service.list(Optional.of(NodeType.CHILD))).containsExactly(node);
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
        assertThat(service.list(Optional.empty())).containsExactly(first);
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
        assertThat(enabledAgain).isEqualTo(new AuthResult.Authenticated(node));
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
    void theReadLimitMustBeBetweenOneAndFiveHundred() {
        String id = slave("slave-1").id();
        service.record(entry(id, 0, "pull"));

        assertThat(service.read(Optional.empty(), 1)).hasSize(1);
        assertThat(service.read(Optional.empty(), 500)).hasSize(1);
        assertThatThrownBy(() -> service.read(Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("limit:").hasMessageContaining("0");
        assertThatThrownBy(() -> service.read(Optional.empty(), 501))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("limit:").hasMessageContaining("501");
        assertThatThrownBy(() -> service.read(Optional.of(id), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("limit:");
    }

    @Test
    void recordedSyncLogsAreReadNewestFirstPerNodeOrAllWithinTheLimit() {
        String one = slave("slave-1").id();
        String two = slave("slave-2").id();
        List<SyncLogEntry> recorded = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            SyncLogEntry entry = entry(i % 2 == 0 ? one : two, i, i % 3 == 0 ? "push" : "pull");
            service.record(entry);
            recorded.add(entry);
        }

        assertThat(service.read(Optional.empty(), 500)).containsExactlyElementsOf(recorded.reversed());
        assertThat(service.read(Optional.empty(), 2)).containsExactly(recorded.get(5), recorded.get(4));
        assertThat(service.read(Optional.of(one), 500)).containsExactly(recorded.get(4), recorded.get(2), recorded.get(0));
        assertThat(service.read(Optional.of(two), 1)).containsExactly(recorded.get(5));
        assertThat(service.read(Optional.of(UUID.randomUUID().toString()), 10)).isEmpty();
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
