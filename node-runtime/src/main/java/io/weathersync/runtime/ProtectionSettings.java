package io.weathersync.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The settings of a node's protections against hostile clients (seed 004), shared by both nodes, each with a safe
 * default: server timeouts and connection cap, CORS origins (none), per-client rate limits, TLS from a PKCS12 or PEM key (off; node-to-node
 * calls verified against the JDK's CAs or a CA file).
 */
public final class ProtectionSettings {

    static final Setting SERVER_IDLE_TIMEOUT = Setting.of("server.idle_timeout", "SERVER_IDLE_TIMEOUT", "20",
            "a connection without a complete request (headers) for this long is closed (slowloris)");
    static final Setting SERVER_BODY_TIMEOUT = Setting.of("server.body_timeout", "SERVER_BODY_TIMEOUT", "10",
            "the longest a request body may take to arrive");
    static final Setting SERVER_READ_TIMEOUT = Setting.of("server.read_timeout", "SERVER_READ_TIMEOUT", "10",
            "the longest one socket read may wait");
    static final Setting SERVER_MAX_CONNECTIONS = Setting.of("server.max_connections", "SERVER_MAX_CONNECTIONS",
            "1000", "connections open at once; more wait in the accept backlog");
    static final Setting CORS_ALLOWED_ORIGINS = Setting.derived("cors.allowed_origins", "CORS_ALLOWED_ORIGINS",
            "none", "comma list of origins (https://console.example) a browser may call the API from");
    static final Setting RATE_LIMIT_READS = Setting.of("rate_limit.reads", "RATE_LIMIT_READS", "200",
            "GET requests per second per client address (429 with Retry-After beyond; 0 = no limit)");
    static final Setting RATE_LIMIT_WRITES = Setting.of("rate_limit.writes", "RATE_LIMIT_WRITES", "100",
            "POST/PUT/DELETE requests (ingest, pushes, admin) per second per client address (0 = no limit)");

    static final Setting SERVER_TLS_KEYSTORE = Setting.derived("server.tls_keystore", "SERVER_TLS_KEYSTORE",
            "unset = plain http", "PKCS12 file with this node's key and certificate chain: the node serves https");
    static final Setting SERVER_TLS_KEYSTORE_PASSWORD = Setting.secret("server.tls_keystore_password",
            "SERVER_TLS_KEYSTORE_PASSWORD", "password of SERVER_TLS_KEYSTORE");
    static final Setting SERVER_TLS_CERT = Setting.derived("server.tls_cert", "SERVER_TLS_CERT",
            "unset = plain http", "PEM file of this node's certificate chain (its own first), with SERVER_TLS_KEY: "
                    + "the node serves https (instead of SERVER_TLS_KEYSTORE)");
    static final Setting SERVER_TLS_KEY = Setting.derived("server.tls_key", "SERVER_TLS_KEY", "unset = plain http",
            "PEM file of this node's unencrypted PKCS#8 private key (BEGIN PRIVATE KEY), with SERVER_TLS_CERT");
    static final Setting TLS_CA_FILE = Setting.derived("tls.ca_file", "TLS_CA_FILE", "the JDK's CAs",
            "PEM file of the CA certificates that node-to-node https calls verify their peer against");

    private ProtectionSettings() {
    }

    /** These settings, in help order. */
    public static List<Setting> all() {
        return List.of(SERVER_IDLE_TIMEOUT, SERVER_BODY_TIMEOUT, SERVER_READ_TIMEOUT, SERVER_MAX_CONNECTIONS,
                CORS_ALLOWED_ORIGINS, RATE_LIMIT_READS, RATE_LIMIT_WRITES, SERVER_TLS_KEYSTORE,
                SERVER_TLS_KEYSTORE_PASSWORD, SERVER_TLS_CERT, SERVER_TLS_KEY, TLS_CA_FILE);
    }

    /**
     * Reads and checks them.
     *
     * @throws ConfigException naming the first bad setting
     */
    public static ProtectionConfig read(Settings settings) {
        List<String> origins = settings.text(CORS_ALLOWED_ORIGINS).stream()
                .flatMap(text -> Arrays.stream(text.split(",")))
                .map(String::strip).filter(origin -> !origin.isEmpty()).toList();
        for (String origin : origins) {
            if (!origin.toLowerCase(Locale.ROOT).matches("https?://[a-z0-9.\\-]+(:[0-9]{1,5})?")) {
                throw settings.invalid(CORS_ALLOWED_ORIGINS, "each origin must be scheme://host[:port] without a"
                        + " path, such as https://console.example");
            }
        }
        Optional<Path> keystore = file(settings, SERVER_TLS_KEYSTORE);
        Optional<Path> cert = file(settings, SERVER_TLS_CERT);
        Optional<Path> key = file(settings, SERVER_TLS_KEY);
        if (cert.isPresent() != key.isPresent()) {
            throw settings.invalid(cert.isPresent() ? SERVER_TLS_CERT : SERVER_TLS_KEY,
                    "SERVER_TLS_CERT and SERVER_TLS_KEY go together: set both, or neither");
        }
        if (cert.isPresent() && keystore.isPresent()) {
            throw settings.invalid(SERVER_TLS_CERT, "set either SERVER_TLS_KEYSTORE (PKCS12) or SERVER_TLS_CERT and "
                    + "SERVER_TLS_KEY (PEM), not both");
        }
        return new ProtectionConfig(positive(settings, SERVER_IDLE_TIMEOUT), positive(settings, SERVER_BODY_TIMEOUT),
                positive(settings, SERVER_READ_TIMEOUT), settings.whole(SERVER_MAX_CONNECTIONS, 1), origins,
                settings.whole(RATE_LIMIT_READS, 0), settings.whole(RATE_LIMIT_WRITES, 0),
                keystore, settings.text(SERVER_TLS_KEYSTORE_PASSWORD), cert, key, file(settings, TLS_CA_FILE));
    }

    private static Optional<Path> file(Settings settings, Setting setting) {
        Optional<Path> file = settings.text(setting).map(text -> settings.path(setting));
        if (file.isPresent() && !Files.isReadable(file.get())) {
            throw settings.invalid(setting, "no readable file at " + file.get());
        }
        return file;
    }

    private static Duration positive(Settings settings, Setting setting) {
        Duration value = settings.duration(setting);
        if (value.isZero() || value.isNegative()) {
            throw settings.invalid(setting, "must be positive");
        }
        return value;
    }
}
