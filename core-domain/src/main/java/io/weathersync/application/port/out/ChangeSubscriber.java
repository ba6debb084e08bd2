package io.weathersync.application.port.out;

/** A slave's live feed of the master's changes (Redis Pub/Sub, or HTTP push received). */
public interface ChangeSubscriber extends AutoCloseable {

    /** Starts delivering to {@code listener}; reconnects by itself and calls {@code onConnected} each time. */
    void start(ChangeListener listener);

    /** Stops delivering. */
    @Override
    void close();
}
