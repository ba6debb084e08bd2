package io.weathersync.domain.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * How a change of a signed batch carries its proof in {@code sig}: {@code SIGNATURE.INDEX.SIZE.PATH}, where
 * SIGNATURE is the master's Base64 Ed25519 signature of the batch's Merkle root, INDEX the change's place in the
 * batch, SIZE the batch's length and PATH the Base64 of its audit path's hashes, concatenated.
 *
 * @param signature the Ed25519 signature of {@link #signedRoot}
 * @param index     the change's place in the batch, from 0
 * @param size      how many changes the batch holds
 * @param path      the audit path, deepest sibling first
 */
record BatchSignature(byte[] signature, long index, long size, List<byte[]> path) {

    private static final int HASH = 32;

    /** Whether {@code sig} is a batch signature rather than a single change's. */
    static boolean isBatch(String sig) {
        return sig.indexOf('.') >= 0;
    }

    /** The bytes the master signs for a batch: its size and root, apart from any single change's bytes. */
    static byte[] signedRoot(long size, byte[] root) {
        byte[] prefix = ("batch-v1|" + size + "|").getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = Arrays.copyOf(prefix, prefix.length + root.length);
        System.arraycopy(root, 0, bytes, prefix.length, root.length);
        return bytes;
    }

    /** The batch signature in {@code sig}, or {@code null} when it is not well formed. */
    static BatchSignature parse(String sig) {
        String[] parts = sig.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        try {
            Base64.Decoder base64 = Base64.getDecoder();
            byte[] hashes = base64.decode(parts[3]);
            if (hashes.length % HASH != 0 || hashes.length / HASH > MerkleTree.MAX_PATH) {
                return null;
            }
            List<byte[]> path = new ArrayList<>(hashes.length / HASH);
            for (int at = 0; at < hashes.length; at += HASH) {
                path.add(Arrays.copyOfRange(hashes, at, at + HASH));
            }
            return new BatchSignature(base64.decode(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]),
                    path);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The {@code sig} text. */
    String format() {
        byte[] hashes = new byte[path.size() * HASH];
        for (int i = 0; i < path.size(); i++) {
            System.arraycopy(path.get(i), 0, hashes, i * HASH, HASH);
        }
        Base64.Encoder base64 = Base64.getEncoder();
        return base64.encodeToString(signature) + "." + index + "." + size + "." + base64.encodeToString(hashes);
    }
}
