package io.weathersync.application.port.in;

import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedChange;

import java.util.List;

/** A slave takes changes that arrived live (Redis or HTTP push): verify, then apply through the sync policy. */
public interface ReceiveChangesUseCase {

    /** Verifies and applies, catching up when a gap or a new stream shows. Never throws for bad input. */
    void receive(List<SignedChange> changes);

    /**
     * As {@link #receive(List)}, where the transport knows how many bytes the changes arrived in (an HTTP body's
     * length): what a queue bounded in bytes counts them as.
     */
    default void receive(List<SignedChange> changes, long bytes) {
        receive(changes);
    }

    /** Counts a live message (or element) the transport could not read; nothing is applied for it. */
    void rejected(RejectedMessage rejection);
}
