package io.weathersync.application.port.in;

import io.weathersync.domain.message.SignedPush;

/** A slave takes a page the master pushed: verifies its signature, then applies or repairs. */
public interface ReceivePushUseCase {

    /**
     * Applies a catch-up page that continues the replica, or repairs from a repair page.
     *
     * @return how many readings were written
     * @throws io.weathersync.domain.message.RejectedMessage when the signature does not verify
     */
    int receive(SignedPush push);
}
