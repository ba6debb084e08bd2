package io.weathersync.domain.cluster;

/** The outcome of checking a node's {@code AK-SK key:secret}. */
public sealed interface AuthResult {

    /** The credential is valid and the node enabled. */
    record Authenticated(Node node) implements AuthResult {
    }

    /** Refused; {@link Reason} tells unknown/wrong credentials (401) from a disabled node (403). */
    record Denied(Reason reason) implements AuthResult {
    }

    /** Why a credential was refused. */
    enum Reason {
        /** No such key, or the secret does not match: the same answer for both, so keys cannot be probed. */
        INVALID_CREDENTIALS,
        /** The credential is right but its node is disabled. */
        NODE_DISABLED
    }
}
