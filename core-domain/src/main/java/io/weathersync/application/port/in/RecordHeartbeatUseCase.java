package io.weathersync.application.port.in;

import io.weathersync.application.port.out.HeartbeatReply;
import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.HeartbeatReport;
import io.weathersync.domain.cluster.Node;

/** Takes a slave's heartbeat and answers with the master's stream, head, public key, uptime and tasks. */
public interface RecordHeartbeatUseCase {

    /**
     * Records the heartbeat of an authenticated node: it is online from now on, and each field the report carries
     * replaces what the master knew; a field left out keeps its last known value.
     */
    HeartbeatReply heartbeat(Node node, HeartbeatReport report);

    /** Records a heartbeat that reports every field, as a weather-sync slave sends it. */
    default HeartbeatReply heartbeat(Node node, Heartbeat heartbeat) {
        return heartbeat(node, HeartbeatReport.of(heartbeat));
    }
}
