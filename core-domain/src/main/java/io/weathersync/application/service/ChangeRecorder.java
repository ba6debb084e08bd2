package io.weathersync.application.service;

import io.weathersync.application.port.out.ChangeLog;
import io.weathersync.application.port.out.ChangePublisher;
import io.weathersync.application.port.out.ReadingCounts;
import io.weathersync.domain.message.ChangeSigner;
import io.weathersync.domain.message.SignedChange;
import io.weathersync.domain.model.Change;
import io.weathersync.domain.model.WeatherReading;

import java.util.List;
import java.util.Optional;

/** The master's write path after validation: persist first, then sign and broadcast what changed. */
final class ChangeRecorder {

    private static final System.Logger LOG = System.getLogger(ChangeRecorder.class.getName());

    private final ChangeLog log;
    private final ChangePublisher publisher;
    private final Optional<ChangeSigner> signer;
    private final Optional<ReadingCounts> counts;

    ChangeRecorder(ChangeLog log, ChangePublisher publisher, Optional<ChangeSigner> signer,
                   Optional<ReadingCounts> counts) {
        this.log = log;
        this.publisher = publisher;
        this.signer = signer;
        this.counts = counts;
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
        counts.ifPresent(c -> count(c, readings, changes));
        return changes;
    }

    /** The readings are stored: a counter that fails is logged, never the write's failure. */
    private static void count(ReadingCounts counts, List<WeatherReading> readings, List<Change> changes) {
        try {
            counts.count(readings, changes);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "reading counters not updated ({0} readings): {1}", readings.size(),
                    e.toString());
        }
    }
}
