package io.weathersync.application.port.in;

import io.weathersync.domain.message.ChangeVerifier;

/** A slave learns the master's public key (over its authenticated connection) and trusts what it signs. */
public interface TrustMasterUseCase {

    /** From now on, live changes and pushed pages are verified with {@code verifier}. */
    void trust(ChangeVerifier verifier);
}
