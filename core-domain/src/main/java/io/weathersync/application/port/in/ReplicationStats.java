package io.weathersync.application.port.in;

import io.weathersync.domain.message.RejectedMessage;

import java.util.Map;

/**
 * What a slave's replication has done since start.
 *
 * @param applied    changes applied (live and caught up)
 * @param duplicates live changes ignored as already applied
 * @param gaps       live changes that arrived ahead of a gap
 * @param resyncs    full resyncs started
 * @param unverified live changes not applied because the master's key was not known yet
 * @param buffered   changes held in the gap buffer now
 * @param rejected   messages dropped, by kind
 */
public record ReplicationStats(long applied, long duplicates, long gaps, long resyncs, long unverified, int buffered,
                               Map<RejectedMessage.Kind, Long> rejected) {

    /** Copies the map. */
    public ReplicationStats {
        rejected = Map.copyOf(rejected);
    }
}
