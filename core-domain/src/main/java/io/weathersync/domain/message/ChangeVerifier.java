package io.weathersync.domain.message;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.sync.CanonicalForm;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Objects;

/** Checks that a change was signed by the master, with its Ed25519 public key. */
public final class ChangeVerifier implements SignatureCheck {

    private final PublicKey key;

    /** A verifier for the master's public key. */
    public ChangeVerifier(PublicKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** A verifier for a public key in Base64 X.509 form, as the master hands it out. */
    public static ChangeVerifier fromBase64(String x509) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(x509)));
            return new ChangeVerifier(key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("public_key: not a Base64 X.509 Ed25519 key", e);
        }
    }

    @Override
    public void verify(SignedChange received) {
        Change change = received.change();
        String sig = received.sig();
        if (sig == null) {
            throw new RejectedMessage(RejectedMessage.Kind.BAD_SIGNATURE, "sig: missing on seq " + change.seq());
        }
        boolean valid;
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(CanonicalForm.signedBytes(change));
            valid = signature.verify(Base64.getDecoder().decode(sig));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            valid = false;
        }
        if (!valid) {
            throw new RejectedMessage(RejectedMessage.Kind.BAD_SIGNATURE, "sig: does not verify for seq " + change.seq());
        }
    }
}
