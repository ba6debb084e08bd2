package io.weathersync.runtime;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What every node is configured with: where it listens, where its files live, its database and its Redis.
 *
 * @param host         bind address
 * @param port         port, 0 = any free port
 * @param dataDir      where embedded files live
 * @param dbUrl        JDBC URL ({@code jdbc:mysql:...}, also for MariaDB, or {@code jdbc:h2:...})
 * @param dbUser       database user, may be empty
 * @param dbPassword   database password (a secret), if any
 * @param redisUri     Lettuce URI; empty = HTTP push instead of Redis
 * @param redisChannel the Pub/Sub channel
 */
public record NodeConfig(String host, int port, Path dataDir, String dbUrl, String dbUser, Optional<String> dbPassword,
                         Optional<String> redisUri, String redisChannel) {

    /** Checks every part. */
    public NodeConfig {
        Objects.requireNonNull(host, "host");
        if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace) || host.contains("/")) {
            throw new IllegalArgumentException("host: must be an address or host name, was '" + host + "'");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: must be 0 to 65535, was " + port);
        }
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(dbUrl, "dbUrl");
        if (!DbUrlRule.accepts(dbUrl)) {
            throw new IllegalArgumentException("db_url: " + DbUrlRule.REQUIREMENT);
        }
        dbUser = dbUser == null ? "" : dbUser;
        Objects.requireNonNull(dbPassword, "dbPassword");
        Objects.requireNonNull(redisUri, "redisUri");
        Objects.requireNonNull(redisChannel, "redisChannel");
        if (redisChannel.isBlank()) {
            throw new IllegalArgumentException("redis_channel: must not be blank");
        }
    }

    /** The URL this node is reachable at, for a port (the bound one when {@link #port} is 0). */
    public String url(int boundPort) {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + boundPort;
    }

    /** The Redis URI without any password, for logs. */
    public Optional<String> redisForLog() {
        return redisUri.map(uri -> uri.replaceFirst("//[^@/]*@", "//***@"));
    }

    /** Never shows the database password. */
    @Override
    public String toString() {
        return "NodeConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", dbUrl=" + dbUrl
                + ", dbUser=" + dbUser + ", dbPassword=" + (dbPassword.isPresent() ? "***" : "none")
                + ", redisUri=" + redisForLog().orElse("none") + ", redisChannel=" + redisChannel + "]";
    }
}
