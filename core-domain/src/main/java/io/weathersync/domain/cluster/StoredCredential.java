package io.weathersync.domain.cluster;

import java.util.Objects;

/**
 * A node's credential as the master keeps it: the key in clear, the secret only as a salted hash.
 *
 * @param nodeId     whose
 * @param apiKey     {@code CN…}
 * @param secretHash the salted hash of the secret (see {@code CredentialHasher})
 */
public record StoredCredential(String nodeId, String apiKey, String secretHash) {

    /** Requires every part. */
    public StoredCredential {
        Objects.requireNonNull(nodeId, "node_id");
        Objects.requireNonNull(apiKey, "api_key");
        Objects.requireNonNull(secretHash, "secret_hash");
    }
}
