package io.weathersync.domain.cluster;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An edit changes what it names, keeps the rest, and is validated as a registration is. */
class NodeChangesTest {

    private static final Instant CREATED = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant LATER = CREATED.plusSeconds(60);
    private static final Node NODE = new Node("id-1", NodeType.CHILD, "slave-1", "first", "http://10.0.0.7:8081",
            true, CREATED);
    private static final NodeChanges NOTHING = new NodeChanges(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    @Test
    void anEmptyEditOnlyStampsTheTime() {
        assertThat(NOTHING.applyTo(NODE, LATER)).isEqualTo(new Node("id-1", NodeType.CHILD, "slave-1", "first",
                "http://10.0.0.7:8081", true, "{}", CREATED, LATER));
    }

    @Test
    void eachNamedFieldIsReplaced() {
        NodeChanges all = new NodeChanges(Optional.of("slave-one"), Optional.of(""), Optional.of(""),
                Optional.of(false), Optional.of("{\"a\":1}"));

        assertThat(all.applyTo(NODE, LATER)).isEqualTo(new Node("id-1", NodeType.CHILD, "slave-one", "", "", false,
                "{\"a\":1}", CREATED, LATER));
        assertThat(NodeChanges.active(false).applyTo(NODE, LATER)).isEqualTo(new Node("id-1", NodeType.CHILD,
                "slave-1", "first", "http://10.0.0.7:8081", false, "{}", CREATED, LATER));
    }

    @Test
    void anInvalidValueIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new NodeChanges(Optional.of("two words"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()).applyTo(NODE, LATER)).hasMessageStartingWith("name:");
        assertThatThrownBy(() -> new NodeChanges(Optional.empty(), Optional.of("d".repeat(501)), Optional.empty(),
                Optional.empty(), Optional.empty()).applyTo(NODE, LATER)).hasMessageStartingWith("description:");
        assertThatThrownBy(() -> new NodeChanges(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of("{\"x\":\"" + "y".repeat(Node.MAX_SYNC_CONFIG) + "\"}"))
                .applyTo(NODE, LATER)).hasMessageStartingWith("sync_config:");
    }
}
