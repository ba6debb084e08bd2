package io.weathersync.domain.message;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.SyncPush;
import io.weathersync.domain.sync.CanonicalForm;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

/** Signs changes with the master's Ed25519 private key (JDK {@code java.security}). */
public final class ChangeSigner {

    private final PrivateKey key;

    /** A signer with the master's private key. */
    public ChangeSigner(PrivateKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The Base64 Ed25519 signature of the change's canonical form. */
    public String sign(Change change) {
        return sign(CanonicalForm.signedBytes(change));
    }

    /** The pushed page with its Base64 Ed25519 signature over the whole page. */
    public SignedPush sign(SyncPush push) {
        return new SignedPush(push, sign(CanonicalForm.signedBytes(push)));
    }

    private String sign(byte[] bytes) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(bytes);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with an Ed25519 key", e);
        }
    }
}
