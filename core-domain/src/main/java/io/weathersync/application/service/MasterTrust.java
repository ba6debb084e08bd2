package io.weathersync.application.service;

import io.weathersync.application.port.in.TrustMasterUseCase;
import io.weathersync.domain.message.ChangeVerifier;
import io.weathersync.domain.message.SignatureCheck;

import java.util.Objects;
import java.util.Optional;

/**
 * Whom a slave trusts: how live changes are verified, and the master's key that pushed pages must be signed with.
 * Nothing is trusted until the key is learnt (at heartbeat), unless an embedder hands a check in at the start.
 */
public final class MasterTrust implements TrustMasterUseCase {

    private volatile SignatureCheck liveCheck;
    private volatile ChangeVerifier pushVerifier;

    /** Trusts live changes that pass {@code initial} ({@code null}: none until {@link #trust} is called). */
    public MasterTrust(SignatureCheck initial) {
        this.liveCheck = initial;
    }

    @Override
    public void trust(ChangeVerifier verifier) {
        Objects.requireNonNull(verifier, "verifier");
        this.liveCheck = verifier;
        this.pushVerifier = verifier;
    }

    /** How live changes are verified, once known. */
    Optional<SignatureCheck> liveCheck() {
        return Optional.ofNullable(liveCheck);
    }

    /** The master's key that pushed pages must be signed with, once known. */
    Optional<ChangeVerifier> pushVerifier() {
        return Optional.ofNullable(pushVerifier);
    }
}
