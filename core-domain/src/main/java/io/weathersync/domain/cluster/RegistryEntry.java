package io.weathersync.domain.cluster;

import java.util.Objects;

/**
 * One node of the master's registry as a restore needs it: the node, and its credential's stored form (the key and
 * the salted hash of the secret, never the secret), or {@code null} when none was issued.
 *
 * @param node       the registered node
 * @param credential its stored credential, or {@code null}
 */
public record RegistryEntry(Node node, StoredCredential credential) {

    /** Requires the node; a credential must be the node's own. */
    public RegistryEntry {
        Objects.requireNonNull(node, "node: must not be null");
        if (credential != null && !credential.nodeId().equals(node.id())) {
            throw new IllegalArgumentException("credential: belongs to node " + credential.nodeId() + ", not to "
                    + node.id());
        }
    }
}
