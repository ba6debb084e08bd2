package io.weathersync.domain.message;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 (section 2.1) over a batch of changes, with SHA-256: one signature over the root
 * covers the whole batch, and each change carries its audit path, so it still verifies on its own when the
 * others are lost.
 */
final class MerkleTree {

    /** Longest audit path accepted: a tree of 2^32 leaves, far beyond any batch. */
    static final int MAX_PATH = 32;

    private MerkleTree() {
    }

    /** The leaf hash {@code SHA-256(0x00 || data)}. */
    static byte[] leaf(byte[] data) {
        MessageDigest sha = sha256();
        sha.update((byte) 0);
        return sha.digest(data);
    }

    /**
     * The root over {@code leaves} (at least one), filling {@code paths[i]} with leaf i's audit path, deepest
     * sibling first.
     */
    static byte[] build(byte[][] leaves, List<List<byte[]>> paths) {
        for (int i = 0; i < leaves.length; i++) {
            paths.add(new ArrayList<>());
        }
        return build(leaves, paths, 0, leaves.length);
    }

    private static byte[] build(byte[][] leaves, List<List<byte[]>> paths, int from, int to) {
        if (to - from == 1) {
            return leaves[from];
        }
        int split = from + Integer.highestOneBit(to - from - 1);
        byte[] left = build(leaves, paths, from, split);
        byte[] right = build(leaves, paths, split, to);
        for (int i = from; i < split; i++) {
            paths.get(i).add(right);
        }
        for (int i = split; i < to; i++) {
            paths.get(i).add(left);
        }
        return node(left, right);
    }

    /**
     * The root that leaf {@code index} of a tree of {@code size} leaves proves with {@code path} (RFC 9162
     * 2.1.3.2), or {@code null} when the path cannot belong to such a tree.
     */
    static byte[] rootFromPath(byte[] leaf, long index, long size, List<byte[]> path) {
        if (index < 0 || index >= size || path.size() > MAX_PATH) {
            return null;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (byte[] p : path) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    private static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 1);
        sha.update(left);
        return sha.digest(right);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
