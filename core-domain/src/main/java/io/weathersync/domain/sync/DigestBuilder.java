package io.weathersync.domain.sync;

import io.weathersync.domain.model.Digest;
import io.weathersync.domain.model.StreamId;
import io.weathersync.domain.model.WeatherReading;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Builds a {@link Digest} from readings in any order: each reading's SHA-256 is added, lane by lane,
 * modulo 2<sup>64</sup>, so the result does not depend on the order and needs one pass and no sorting.
 */
public final class DigestBuilder {

    private static final int LANES = 4;
    private final long[] sum = new long[LANES];
    private final MessageDigest sha256;
    private long rows;

    /** An empty builder. */
    public DigestBuilder() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Adds one reading. */
    public DigestBuilder add(WeatherReading reading) {
        ByteBuffer hash = ByteBuffer.wrap(sha256.digest(CanonicalForm.of(reading).getBytes(StandardCharsets.UTF_8)));
        for (int lane = 0; lane < LANES; lane++) {
            sum[lane] += hash.getLong();
        }
        rows++;
        return this;
    }

    /** The digest of everything added, for a node following {@code stream} through {@code appliedSeq}. */
    public Digest build(StreamId stream, long appliedSeq) {
        StringBuilder hex = new StringBuilder(LANES * 16);
        for (long lane : sum) {
            hex.append(String.format("%016x", lane));
        }
        return new Digest(stream, appliedSeq, rows, hex.toString());
    }
}
