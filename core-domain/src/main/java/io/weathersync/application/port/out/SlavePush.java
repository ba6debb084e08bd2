package io.weathersync.application.port.out;

import io.weathersync.domain.message.SignedPush;

/** How the master pushes a signed page to one slave's {@code /api/dms/sync/receive}. */
public interface SlavePush {

    /**
     * Delivers the page and waits for the slave's answer.
     *
     * @throws PushFailedException when the slave cannot be reached or refuses the page
     */
    void push(String apiUrl, SignedPush push);
}
