package io.weathersync.domain.message;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.sync.CanonicalForm;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks that a change was signed by the master, with its Ed25519 public key. A change of a batch is checked
 * through its audit path to the batch's root; the root's signature is checked once and then remembered (the
 * last {@value #REMEMBERED_ROOTS} roots), so a batch costs one Ed25519 verification, not one per change.
 */
public final class ChangeVerifier implements SignatureCheck {

    static final int REMEMBERED_ROOTS = 1024;
    private final PublicKey key;
    private final Set<String> verifiedRoots = Collections.newSetFromMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_ROOTS;
        }
    });

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
        String sig = received.sig();
        String what = "seq " + received.change().seq();
        if (sig == null || !BatchSignature.isBatch(sig)) {
            check(CanonicalForm.signedBytes(received.change()), sig, what);
        } else if (!validInBatch(received.change(), sig)) {
            throw new RejectedMessage(RejectedMessage.Kind.BAD_SIGNATURE, "sig: does not verify for " + what);
        }
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

    private boolean validInBatch(Change change, String sig) {
        BatchSignature batch = BatchSignature.parse(sig);
        if (batch == null) {
            return false;
        }
        byte[] root = MerkleTree.rootFromPath(MerkleTree.leaf(CanonicalForm.signedBytes(change)), batch.index(),
                batch.size(), batch.path());
        if (root == null) {
            return false;
        }
        Base64.Encoder base64 = Base64.getEncoder();
        String proven = base64.encodeToString(batch.signature()) + "|" + batch.size() + "|"
                + base64.encodeToString(root);
        synchronized (verifiedRoots) {
            if (verifiedRoots.contains(proven)) {
                return true;
            }
        }
        if (!valid(BatchSignature.signedRoot(batch.size(), root), batch.signature())) {
            return false;
        }
        synchronized (verifiedRoots) {
            verifiedRoots.add(proven);
        }
        return true;
    }

    private boolean valid(byte[] bytes, String sig) {
        try {
            return valid(bytes, Base64.getDecoder().decode(sig));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private boolean valid(byte[] bytes, byte[] sig) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(bytes);
            return signature.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
