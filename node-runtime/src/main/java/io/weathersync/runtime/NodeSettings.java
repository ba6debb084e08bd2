package io.weathersync.runtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The settings every node shares (DESIGN's table), with the defaults of one node type.
 *
 * @param serverHost   bind address
 * @param serverPort   port
 * @param dataDir      data directory
 * @param dbUrl        JDBC URL
 * @param dbUser       database user
 * @param dbPassword   database password (secret)
 * @param redisUri     Redis URI
 * @param redisChannel Redis channel
 */
public record NodeSettings(Setting serverHost, Setting serverPort, Setting dataDir, Setting dbUrl, Setting dbUser,
                           Setting dbPassword, Setting redisUri, Setting redisChannel) {

    /** The shared settings with a node type's default port and data directory. */
    public static NodeSettings withDefaults(int defaultPort, String defaultDataDir) {
        return new NodeSettings(
                Setting.of("server.host", "SERVER_HOST", "127.0.0.1", "bind address"),
                Setting.of("server.port", "SERVER_PORT", Integer.toString(defaultPort),
                        "port (0 = any free port, printed at start)"),
                Setting.of("data_dir", "DATA_DIR", defaultDataDir, "where embedded files live"),
                Setting.derived("db.url", "DB_URL", "H2 file jdbc:h2:file:<DATA_DIR>/weather",
                        "JDBC URL (jdbc:mysql://... or jdbc:h2:...)"),
                Setting.of("db.user", "DB_USER", null, "database user"),
                Setting.secret("db.password", "DB_PASSWORD", "database password"),
                Setting.derived("redis.uri", "REDIS_URI", "unset = HTTP push instead of Redis",
                        "Redis URI (redis://host:6379)"),
                Setting.of("redis.channel", "REDIS_CHANNEL", "weather:readings", "Redis Pub/Sub channel"));
    }

    /** These settings, in help order. */
    public List<Setting> all() {
        return List.of(serverHost, serverPort, dataDir, dbUrl, dbUser, dbPassword, redisUri, redisChannel);
    }

    /**
     * Reads and checks them.
     *
     * @throws ConfigException naming the first bad setting
     */
    public NodeConfig read(Settings settings) {
        String host = settings.required(serverHost);
        if (host.chars().anyMatch(Character::isWhitespace) || host.contains("/")) {
            throw settings.invalid(serverHost, "must be an address or host name");
        }
        int port = settings.port(serverPort);
        Path dir = settings.path(dataDir);
        String url = settings.text(dbUrl).orElseGet(() -> h2Url(dir));
        if (!DbUrlRule.accepts(url)) {
            // Checked here, before the record, to name the setting; the value is not echoed (see DbUrlRule).
            throw new ConfigException(dbUrl.label() + ": " + DbUrlRule.REQUIREMENT);
        }
        Optional<String> redis = settings.text(redisUri);
        redis.ifPresent(uri -> checkRedis(settings, uri));
        return new NodeConfig(host, port, dir, url, settings.text(dbUser).orElse(""),
                settings.text(dbPassword), redis, settings.required(redisChannel));
    }

    /** The embedded default: an H2 file database {@code weather} in the data directory (absolute, as H2 wants). */
    static String h2Url(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().normalize().resolve("weather");
    }

    private void checkRedis(Settings settings, String uri) {
        try {
            String scheme = new URI(uri).getScheme();
            if (scheme != null && Set.of("redis", "rediss", "redis-socket", "redis-sentinel")
                    .contains(scheme.toLowerCase(Locale.ROOT))) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw settings.invalid(redisUri, "must be a Redis URI (redis://host:6379, rediss://...)");
    }
}
