package io.weathersync.wire;

import io.weathersync.domain.cluster.Node;
import io.weathersync.domain.cluster.NodeType;
import io.weathersync.domain.cluster.RegistryBackup;
import io.weathersync.domain.cluster.RegistryEntry;
import io.weathersync.domain.cluster.StoredCredential;
import io.weathersync.domain.message.RejectedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry copy's wire form: what is written reads back equal; a bad node is refused, named by its index. */
class RegistryJsonTest {

    private static final ChangeJson JSON = new ChangeJson();
    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    private static RegistryBackup registry() {
        Node issued = new Node("id-1", NodeType.CHILD, "slave-1", "first", "http://127.0.0.1:8081", true,
                "{\"a\":1}", T, T.plusSeconds(5));
        Node bare = new Node("id-2", NodeType.CHILD, "slave-2", "", "", false, T);
        return new RegistryBackup(List.of(new RegistryEntry(issued, new StoredCredential("id-1", "CNkey", "sha256$s$h")),
                new RegistryEntry(bare, null)));
    }

    @Test
    void whatIsWrittenReadsBackEqualWithHashesAndNoSecret() {
        String text = JSON.toJsonObject(registry()).toString();

        assertThat(JSON.registryFromJson(JSON.readTree(text.getBytes()))).isEqualTo(registry());
        assertThat(text).contains("\"secret_hash\":\"sha256$s$h\"").doesNotContain("secret\":");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            {"nodes":[{"id":"x"}]}                                                    | nodes[0]: active
            {"nodes":"no"}                                                            | nodes: must be an array
            {}                                                                        | nodes: must be an array
            """)
    void aBadRegistryIsRefusedNamingTheField(String json, String message) {
        assertThatThrownBy(() -> JSON.registryFromJson(JSON.readTree(json.getBytes())))
                .isInstanceOf(RejectedMessage.class).hasMessageContaining(message);
    }

    @Test
    void aKeyWithoutItsHashIsRefused() {
        String text = JSON.toJsonObject(registry()).toString().replace("\"secret_hash\":\"sha256$s$h\"",
                "\"secret_hash\":null");

        assertThatThrownBy(() -> JSON.registryFromJson(JSON.readTree(text.getBytes())))
                .isInstanceOf(RejectedMessage.class).hasMessageContaining("nodes[0]: api_key and secret_hash");
    }
}
