package io.weathersync.adapter.redis;

import io.weathersync.application.port.out.ChangeListener;
import io.weathersync.domain.message.RejectedMessage;
import io.weathersync.domain.message.SignedChange;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Keeps what a subscriber hands over, and on which threads. */
final class RecordingListener implements ChangeListener {

    final AtomicInteger connected = new AtomicInteger();
    final List<SignedChange> received = new CopyOnWriteArrayList<>();
    final List<RejectedMessage> rejected = new CopyOnWriteArrayList<>();
    final Set<String> threads = ConcurrentHashMap.newKeySet();

    @Override
    public void onConnected() {
        threads.add(Thread.currentThread().getName());
        connected.incrementAndGet();
    }

    @Override
    public void onChanges(List<SignedChange> changes) {
        threads.add(Thread.currentThread().getName());
        received.addAll(changes);
    }

    @Override
    public void onRejected(RejectedMessage rejection) {
        threads.add(Thread.currentThread().getName());
        rejected.add(rejection);
    }

    List<Long> seqs() {
        return received.stream().map(s -> s.change().seq()).toList();
    }

    @Override
    public String toString() {
        return "connected " + connected + ", received seqs " + seqs() + ", rejected "
                + rejected.stream().map(r -> r.kind() + ": " + r.getMessage()).toList();
    }
}
