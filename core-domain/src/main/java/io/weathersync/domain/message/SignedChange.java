package io.weathersync.domain.message;

import io.weathersync.domain.model.Change;

import java.util.Objects;

/**
 * A change as it arrived on a live transport, with the signature it carried (not yet checked).
 *
 * @param change the change
 * @param sig    the Base64 signature, or {@code null} if it carried none
 */
public record SignedChange(Change change, String sig) {

    /** Requires a change. */
    public SignedChange {
        Objects.requireNonNull(change, "change");
    }
}
