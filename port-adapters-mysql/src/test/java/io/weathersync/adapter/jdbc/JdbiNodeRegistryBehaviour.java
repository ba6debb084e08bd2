package io.weathersync.adapter.jdbc;

import io.weathersync.application.port.out.NodeRegistry;
import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.StoredCredential;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the relational node registry must do beyond the core's contract; subclasses choose the database. */
abstract class JdbiNodeRegistryBehaviour {

    abstract TestDatabases databases();

    private static Node node(String name) {
        return new Node(UUID.randomUUID().toString(), NodeType.CHILD, name, "", "", true,
                Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void concurrentAddsOfOneNameLeaveExactlyOneNode() throws Exception {
        NodeRegistry registry = new JdbiNodeRegistry(databases().fresh());
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> adds = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                adds.add(pool.submit(() -> {
                    start.await();
                    registry.add(node("slave-1"));
                    return null;
                }));
            }
            start.countDown();
            int added = 0;
            for (Future<?> add : adds) {
                try {
                    add.get();
                    added++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("slave-1");
                }
            }
            assertThat(added).isEqualTo(1);
            assertThat(registry.list(Optional.empty())).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anApiKeyAlreadyIssuedToAnotherNodeIsRejectedAndChangesNothing() {
        NodeRegistry registry = new JdbiNodeRegistry(databases().fresh());
        Node one = node("slave-1");
        Node two = node("slave-2");
        registry.add(one);
        registry.add(two);
        StoredCredential ones = new StoredCredential(one.id(), "CN" + "a".repeat(32), "salt$one");
        StoredCredential twos = new StoredCredential(two.id(), "CN" + "b".repeat(32), "salt$two");
        registry.replaceCredential(ones);
        registry.replaceCredential(twos);

        assertThatThrownBy(() -> registry.replaceCredential(new StoredCredential(two.id(), ones.apiKey(), "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("api_key:");

        assertThat(registry.credentialByKey(ones.apiKey())).contains(ones);
        assertThat(registry.credentialByKey(twos.apiKey())).contains(twos);
    }

    @Test
    void aCredentialOfAnUnknownNodeIsRejected() {
        NodeRegistry registry = new JdbiNodeRegistry(databases().fresh());

        assertThatThrownBy(() -> registry.replaceCredential(new StoredCredential("nobody", "CN1", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("node_id: no node nobody");
        assertThat(registry.credentialByKey("CN1")).isEmpty();
    }
}
