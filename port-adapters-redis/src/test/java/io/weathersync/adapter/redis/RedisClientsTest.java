package io.weathersync.adapter.redis;

import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The URIs this module accepts, Sentinel's among them, and how they show in logs: never with a password. */
class RedisClientsTest {

    @Test
    void sentinelUriNamesTheSentinelsAndTheMasterIdWithoutThePassword() {
        RedisURI uri = RedisClients.parse(
                "redis-sentinel://app:s3cret@10.0.0.1:26379,10.0.0.2:26380/?sentinelMasterId=weather");

        assertThat(RedisClients.viaSentinel(uri)).isTrue();
        assertThat(uri.getSentinels()).hasSize(2);
        assertThat(RedisClients.describe(uri))
                .isEqualTo("sentinel master weather via 10.0.0.1:26379,10.0.0.2:26380")
                .doesNotContain("s3cret");
    }

    @Test
    void sentinelMasterIdMayBeGivenAsTheFragment() {
        RedisURI uri = RedisClients.parse("redis-sentinel://127.0.0.1:26379#weather");

        assertThat(RedisClients.describe(uri)).isEqualTo("sentinel master weather via 127.0.0.1:26379");
    }

    @Test
    void standaloneUriShowsHostAndPortOnly() {
        RedisURI uri = RedisClients.parse("redis://user:s3cret@127.0.0.1:6390/2");

        assertThat(RedisClients.viaSentinel(uri)).isFalse();
        assertThat(RedisClients.describe(uri)).isEqualTo("127.0.0.1:6390");
    }

    @Test
    void invalidUriIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> RedisClients.parse("redis-sentinel://s3cret@:/?sentinelMasterId="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("redis-sentinel://")
                .hasMessageNotContaining("s3cret");
    }
}
