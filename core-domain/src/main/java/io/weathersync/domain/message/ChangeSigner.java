package io.weathersync.domain.message;

import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.SyncPush;
import io.weathersync.domain.sync.CanonicalForm;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
        return Base64.getEncoder().encodeToString(sign(CanonicalForm.signedBytes(change)));
    }

    /**
     * The batch's changes, in order, each with a signature that verifies on its own. One Ed25519 signature
     * (hundreds of microseconds) covers a whole batch through its Merkle root, and each change carries its audit
     * path; a batch of one is signed directly.
     */
    public List<SignedChange> sign(List<Change> changes) {
        if (changes.size() <= 1) {
            return changes.stream().map(change -> new SignedChange(change, sign(change))).toList();
        }
        byte[][] leaves = new byte[changes.size()][];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = MerkleTree.leaf(CanonicalForm.signedBytes(changes.get(i)));
        }
        List<List<byte[]>> paths = new ArrayList<>(leaves.length);
        byte[] root = MerkleTree.build(leaves, paths);
        byte[] signature = sign(BatchSignature.signedRoot(leaves.length, root));
        List<SignedChange> signed = new ArrayList<>(leaves.length);
        for (int i = 0; i < leaves.length; i++) {
            String sig = new BatchSignature(signature, i, leaves.length, paths.get(i)).format();
            signed.add(new SignedChange(changes.get(i), sig));
        }
        return signed;
    }

    /** The pushed page with its Base64 Ed25519 signature over the whole page. */
    public SignedPush sign(SyncPush push) {
        return new SignedPush(push, Base64.getEncoder().encodeToString(sign(CanonicalForm.signedBytes(push))));
    }

    private byte[] sign(byte[] bytes) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(bytes);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with an Ed25519 key", e);
        }
    }
}
