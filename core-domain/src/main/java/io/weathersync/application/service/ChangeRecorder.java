package io.weathersync.application.service;

import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.application.port.out.ChangePublisher;
import io.weathersync.domain.message.ChangeSigner;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.WeatherReading;

import java.util.List;
import java.util.Optional;

/** The master's write path after validation: persist first, then sign and broadcast what changed. */
final class ChangeRecorder {

    private final ChangeLog log;
    private final ChangePublisher publisher;
    private final Optional<ChangeSigner> signer;

    ChangeRecorder(ChangeLog log, ChangePublisher publisher, Optional<ChangeSigner> signer) {
        this.log = log;
        this.publisher = publisher;
        this.signer = signer;
    }

    List<Change> record(List<WeatherReading> readings) {
        if (readings.isEmpty()) {
            return List.of();
        }
        List<Change> changes = log.append(readings);
        if (!changes.isEmpty()) {
            publisher.publish(signer.map(s -> s.sign(changes)).orElseGet(() ->
                    changes.stream().map(change -> new SignedChange(change, null)).toList()));
        }
        return changes;
    }
}
