package io.weathersync.domain.message;

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
        check(CanonicalForm.signedBytes(received.change()), received.sig(), "seq " + received.change().seq());
    }

    /**
     * Verifies a pushed page's signature over the whole page.
     *
     * @throws RejectedMessage of kind BAD_SIGNATURE when it is missing or does not verify
     */
    public void verify(SignedPush received) {
        check(CanonicalForm.signedBytes(received.push()), received.sig(),
                "the pushed page after seq " + received.push().after());
    }

    /** Rejects a missing signature and one that does not verify with distinct messages naming {@code what}. */
    private void check(byte[] bytes, String sig, String what) {
        if (sig == null) {
            throw new RejectedMessage(RejectedMessage.Kind.BAD_SIGNATURE, "sig: missing on " + what);
        }
        if (!valid(bytes, sig)) {
            throw new RejectedMessage(RejectedMessage.Kind.BAD_SIGNATURE, "sig: does not verify for " + what);
        }
    }

    private boolean valid(byte[] bytes, String sig) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(bytes);
            return signature.verify(Base64.getDecoder().decode(sig));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
