package io.weathersync.domain.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * The master lease in a database shared by several masters: who holds it, under which epoch (the fencing token
 * every seq assignment checks), and until when.
 *
 * @param holder    the holding master's id
 * @param holderUrl where that master serves, for the standbys' 503 answers
 * @param epoch     rises by one at every takeover; never reused
 * @param expiresAt when the lease lapses unless renewed
 */
public record Lease(String holder, String holderUrl, long epoch, Instant expiresAt) {

    /** Requires every part and a positive epoch. */
    public Lease {
        Objects.requireNonNull(holder, "holder: must not be null");
        Objects.requireNonNull(holderUrl, "holder_url: must not be null");
        Objects.requireNonNull(expiresAt, "expires_at: must not be null");
        if (epoch < 1) {
            throw new IllegalArgumentException("epoch: must be positive, was " + epoch);
        }
    }
}
