package io.weathersync.application.port.out;

import io.weathersync.domain.message.SignedChange;

import java.util.List;

/**
 * Broadcasts committed changes to slaves, live. At most once: a failure is counted and logged, never
 * thrown, because slaves repair from the log.
 */
public interface ChangePublisher extends AutoCloseable {

    /** Hands the changes over for sending, without blocking the write path. */
    void publish(List<SignedChange> changes);

    /** Stops sending; what is queued may be dropped. */
    @Override
    void close();
}
