package io.weathersync.domain.message;

import io.weathersync.domain.model.SyncPush;

import java.util.Objects;

/**
 * A pushed page with the master's signature over all of it (kind, start, head, complete-through and every
 * change), so a replayed change cannot be passed off as proof that a slave is complete.
 *
 * @param push the page
 * @param sig  the Base64 signature, or {@code null} if it carried none
 */
public record SignedPush(SyncPush push, String sig) {

    /** Requires the page. */
    public SignedPush {
        Objects.requireNonNull(push, "push");
    }
}
