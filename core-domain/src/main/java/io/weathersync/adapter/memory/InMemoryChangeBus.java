package io.weathersync.adapter.memory;

import io.weathersync.application.port.out.ChangeListener;
import io.weathersync.application.port.out.ChangePublisher;
import io.weathersync.application.port.out.ChangeSubscriber;
import io.weathersync.domain.message.SignedChange;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A live bus inside one process: what is published reaches every started subscriber, synchronously.
 * For embedders running master and replicas together, and for tests.
 */
public final class InMemoryChangeBus implements ChangePublisher {

    private final List<ChangeListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(List<SignedChange> changes) {
        listeners.forEach(listener -> listener.onChanges(changes));
    }

    /** A subscriber on this bus. */
    public ChangeSubscriber subscriber() {
        return new ChangeSubscriber() {
            private ChangeListener subscribed;

            @Override
            public void start(ChangeListener listener) {
                subscribed = listener;
                listeners.add(listener);
                listener.onConnected();
            }

            @Override
            public void close() {
                listeners.remove(subscribed);
            }
        };
    }

    @Override
    public void close() {
        listeners.clear();
    }
}
