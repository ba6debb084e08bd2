package io.weathersync.domain.cluster;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A credential shown once: its text form never carries the secret. */
class IssuedCredentialTest {

    @Test
    void toStringShowsTheNodeAndKeyButHidesTheSecret() {
        IssuedCredential issued = new SecretHasher(new SecureRandom()).issue("node-1");

        String text = issued.toString();

        assertThat(text).contains("node-1").contains(issued.apiKey()).contains("<hidden>");
        assertThat(text).doesNotContain(issued.apiSecret()).doesNotContain(issued.apiSecret().substring(2));
    }

    @Test
    void everyPartIsRequired() {
        assertThatThrownBy(() -> new IssuedCredential("node-1", "CNkey", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("api_secret");
        assertThatThrownBy(() -> new IssuedCredential("node-1", null, "CSsecret"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("api_key");
        assertThatThrownBy(() -> new IssuedCredential(null, "CNkey", "CSsecret"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("node_id");
    }
}
