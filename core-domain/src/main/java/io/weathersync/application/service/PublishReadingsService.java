package io.weathersync.application.service;

import io.weathersync.application.port.in.PublishReadingsUseCase;
import io.weathersync.application.port.in.PublishResult;
import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.application.port.out.ChangePublisher;
import io.weathersync.application.port.out.ReadingCounts;
import io.weathersync.domain.message.ChangeSigner;
import io.weathersync.domain.model.WeatherReading;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Stores readings a client posts: all validated first, then one batch, then broadcast. */
public final class PublishReadingsService implements PublishReadingsUseCase {

    /** Largest batch one call may carry. */
    public static final int MAX_BATCH = 1000;

    private final ChangeRecorder recorder;
    private final Clock clock;

    /** Wires the store, the publisher, the optional signer and the clock that bounds observation times. */
    public PublishReadingsService(ChangeLog log, ChangePublisher publisher, Optional<ChangeSigner> signer, Clock clock) {
        this(log, publisher, signer, Optional.empty(), clock);
    }

    /** As above, also counting every stored batch in {@code counts} (seed 003's per-source counters). */
    public PublishReadingsService(ChangeLog log, ChangePublisher publisher, Optional<ChangeSigner> signer,
                                  Optional<ReadingCounts> counts, Clock clock) {
        this.recorder = new ChangeRecorder(log, publisher, signer, counts);
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
