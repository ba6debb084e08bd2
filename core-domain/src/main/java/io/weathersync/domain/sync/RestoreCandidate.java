package io.weathersync.domain.sync;

import io.weathersync.domain.model.Digest;

import java.util.Objects;

/**
 * A slave a master could be restored from: where it is and what it holds.
 *
 * @param url    the slave's base URL
 * @param digest its digest (stream, applied seq, rows, hash)
 */
public record RestoreCandidate(String url, Digest digest) {

    /** Requires both. */
    public RestoreCandidate {
        Objects.requireNonNull(url, "url: must not be null");
        Objects.requireNonNull(digest, "digest: must not be null");
    }
}
