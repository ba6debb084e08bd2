package io.weathersync.application.service;

import io.weathersync.application.port.in.PublishReadingsUseCase;
import io.weathersync.application.port.in.PublishResult;
import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.domain.model.WeatherReading;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Stores readings a client posts: all validated first, then one batch, then broadcast. */
public final class PublishReadingsService implements PublishReadingsUseCase {

    /** Largest batch one call may carry. */
    public static final int MAX_BATCH = 1000;

    private final ChangeRecorder recorder;
    private final Clock clock;

    /** Wires the store, the broadcaster of what changed and the clock that bounds observation times. */
    public PublishReadingsService(ChangeLog log, ChangeBroadcaster broadcaster, Clock clock) {
        this.recorder = new ChangeRecorder(log, broadcaster);
        this.clock = clock;
    }

    @Override
    public PublishResult publish(List<WeatherReading> readings) {
        if (readings.size() > MAX_BATCH) {
            throw new IllegalArgumentException(
                    "readings: at most " + MAX_BATCH + " per request, was " + readings.size());
        }
        Instant now = clock.instant();
        for (int i = 0; i < readings.size(); i++) {
            try {
                readings.get(i).requireObservedBy(now);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("readings[" + i + "]." + e.getMessage(), e);
            }
        }
        return PublishResult.of(readings.size(), recorder.record(readings));
    }
}
