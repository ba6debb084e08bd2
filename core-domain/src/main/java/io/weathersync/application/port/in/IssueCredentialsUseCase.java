package io.weathersync.application.port.in;

import io.weathersync.domain.cluster.IssuedCredential;

import java.util.Optional;

/** Issues a node's AK/SK, revoking its earlier one; the secret is returned this once only. */
public interface IssueCredentialsUseCase {

    /** The new credential, or empty when there is no such node. */
    Optional<IssuedCredential> issue(String nodeId);
}
