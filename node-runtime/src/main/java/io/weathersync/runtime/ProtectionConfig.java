package io.weathersync.runtime;

import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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
 * @param tlsKeystore     PKCS12 key of this node: it serves https
 * @param tlsPassword     the keystore's password, a secret
 * @param tlsCert         PEM certificate chain of this node (with {@code tlsKey}): it serves https
 * @param tlsKey          PEM PKCS#8 private key of this node (with {@code tlsCert})
 * @param caFile          PEM CAs node-to-node calls verify their peer against
 */
public record ProtectionConfig(Duration idleTimeout, Duration bodyTimeout, Duration readTimeout, int maxConnections,
                               List<String> corsOrigins, int readsPerSecond, int writesPerSecond,
                               Optional<Path> tlsKeystore, Optional<String> tlsPassword, Optional<Path> tlsCert,
                               Optional<Path> tlsKey, Optional<Path> caFile) {

    /** Copies the origins. */
    public ProtectionConfig {
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** Never shows the keystore password. */
    @Override
    public String toString() {
        return "ProtectionConfig[idle=" + idleTimeout + ", body=" + bodyTimeout + ", read=" + readTimeout
                + ", maxConnections=" + maxConnections + ", cors=" + corsOrigins + ", reads/s=" + readsPerSecond
                + ", writes/s=" + writesPerSecond + ", tls=" + tlsKeystore.or(() -> tlsCert).map(Path::toString).orElse("off")
                + ", ca=" + caFile.map(Path::toString).orElse("JDK") + "]";
    }
}
