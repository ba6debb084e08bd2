package io.weathersync.domain.cluster;

import java.util.Objects;

/**
 * A node's new credential in clear, as shown once to the operator and never again.
 *
 * @param nodeId    whose
 * @param apiKey    {@code CN} + 32 random alphanumerics
 * @param apiSecret {@code CS} + 32 random alphanumerics
 */
public record IssuedCredential(String nodeId, String apiKey, String apiSecret) {

    /** Requires every part. */
    public IssuedCredential {
        Objects.requireNonNull(nodeId, "node_id");
        Objects.requireNonNull(apiKey, "api_key");
        Objects.requireNonNull(apiSecret, "api_secret");
    }

    @Override
    public String toString() {
        return "IssuedCredential[nodeId=" + nodeId + ", apiKey=" + apiKey + ", apiSecret=<hidden>]";
    }
}
