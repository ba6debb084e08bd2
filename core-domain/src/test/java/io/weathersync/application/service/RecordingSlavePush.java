package io.weathersync.application.service;

import io.weathersync.application.port.out.PushFailedException;
import io.weathersync.application.port.out.SlavePush;
import io.weathersync.domain.message.SignedPush;

import java.util.ArrayList;
import java.util.List;

/** A push transport that records what it was given and, when told to, fails from the n-th push on. */
final class RecordingSlavePush implements SlavePush {

    /** One delivered push. */
    record Pushed(String apiUrl, SignedPush push) {
    }

    private final List<Pushed> pushed = new ArrayList<>();
    private int failFrom = Integer.MAX_VALUE;

    /** Pushes from the {@code n}-th (1-based, counting from the first ever) fail as unreachable. */
    void failFrom(int n) {
        failFrom = n;
    }

    @Override
    public synchronized void push(String apiUrl, SignedPush push) {
        if (pushed.size() + 1 >= failFrom) {
            throw new PushFailedException("connection refused by " + apiUrl);
        }
        pushed.add(new Pushed(apiUrl, push));
    }

    synchronized List<Pushed> pushed() {
        return List.copyOf(pushed);
    }
}
