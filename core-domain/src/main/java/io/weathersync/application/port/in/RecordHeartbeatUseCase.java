package io.weathersync.application.port.in;

import io.weathersync.application.port.out.HeartbeatReply;
import io.weathersync.domain.cluster.Heartbeat;
import io.weathersync.domain.cluster.Node;

/** Takes a slave's heartbeat and answers with the master's stream, head and public key. */
public interface RecordHeartbeatUseCase {

    /** Records the heartbeat of an authenticated node. */
    HeartbeatReply heartbeat(Node node, Heartbeat heartbeat);
}
