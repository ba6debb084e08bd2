package io.weathersync.runtime;

import java.time.Duration;
import java.util.List;

/**
 * A node's validated protection settings ({@link ProtectionSettings}).
 *
 * @param idleTimeout    a connection without a complete request for this long is closed
 * @param bodyTimeout    the longest a request body may take
 * @param readTimeout    the longest one socket read may wait
 * @param maxConnections connections open at once
 * @param corsOrigins    origins a browser may call the API from; empty: none
 * @param readsPerSecond GET requests per second per client address; 0: no limit
 * @param writesPerSecond other requests per second per client address; 0: no limit
 */
public record ProtectionConfig(Duration idleTimeout, Duration bodyTimeout, Duration readTimeout, int maxConnections,
                               List<String> corsOrigins, int readsPerSecond, int writesPerSecond) {

    /** Copies the origins. */
    public ProtectionConfig {
        corsOrigins = List.copyOf(corsOrigins);
    }
}
