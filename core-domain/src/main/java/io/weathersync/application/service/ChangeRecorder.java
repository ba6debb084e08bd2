package io.weathersync.application.service;

import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.WeatherReading;

import java.util.List;

/** The master's write path after validation: persist first, then broadcast what changed. */
final class ChangeRecorder {

    private final ChangeLog log;
    private final ChangeBroadcaster broadcaster;

    ChangeRecorder(ChangeLog log, ChangeBroadcaster broadcaster) {
        this.log = log;
        this.broadcaster = broadcaster;
    }

    List<Change> record(List<WeatherReading> readings) {
        if (readings.isEmpty()) {
            return List.of();
        }
        List<Change> changes = log.append(readings);
        broadcaster.broadcast(changes);
        return changes;
    }
}
