package io.weathersync.domain.cluster;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A node's api_url: only URLs that name a host can be registered, since the master connects to them. */
class NodeTest {

    private static Node withUrl(String apiUrl) {
        return new Node("id-1", NodeType.CHILD, "slave-1", "", apiUrl, true, Instant.parse("2026-11-23T10:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.7:8081", "https://slave.example", "http://child-server:8001/base",
        "http://[::1]:8081", " http://slave.example:8081 "})
    void anHttpUrlWithAHostIsAccepted(String apiUrl) {
        assertThat(withUrl(apiUrl).apiUrl()).isEqualTo(apiUrl.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://slave.example", "slave.example:8081", "http://", "http://host|x:8081",
        "http://a%zz:8081", "http://my_host:8081", "http://host:abc", "http://:8081", "http://host:99999"})
    void aUrlTheMasterCouldNotConnectToIsRefusedNamingTheField(String apiUrl) {
        assertThatThrownBy(() -> withUrl(apiUrl))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("api_url:");
    }
}
