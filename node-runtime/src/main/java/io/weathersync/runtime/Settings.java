package io.weathersync.runtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A node's settings resolved from its table: the environment variable wins over the YAML file, which wins
 * over the default. The variable names are exactly the table's (DESIGN's fixed names), read from an explicit
 * map rather than Helidon's automatic mapping, which also answers to other spellings. Secrets come from the
 * environment only: a secret in the file is refused. Blank values count as unset.
 */
public final class Settings {

    private static final Pattern SECRET_WORD = Pattern.compile(".*(password|secret|token).*");

    private final Map<String, Setting> byKey;
    private final Map<String, String> file;
    private final Map<String, String> env;
    private final String fileName;

    private Settings(List<Setting> table, Map<String, String> file, Map<String, String> env, String fileName) {
        this.byKey = table.stream().collect(Collectors.toMap(Setting::key, s -> s));
        this.file = file;
        this.env = env;
        this.fileName = fileName;
    }

    /**
     * Reads {@code file} (when given) and takes {@code env} for the settings of {@code table}.
     *
     * @throws ConfigException when the file is missing, unreadable, not YAML, or holds a secret
     */
    public static Settings load(Optional<Path> file, Map<String, String> env, List<Setting> table) {
        Map<String, String> values = file.map(YamlFile::read).orElse(Map.of());
        String name = file.map(p -> "config file '" + p + "'").orElse("no config file");
        Map<String, Setting> byKey = new HashMap<>();
        table.forEach(s -> byKey.put(s.key(), s));
        for (String key : values.keySet()) {
            Setting setting = byKey.get(key);
            if (setting != null && setting.secret()) {
                throw new ConfigException(key + " in " + name + ": secrets are read from the environment only; "
                        + "remove it from the file and set " + setting.env());
            }
            String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            if (setting == null && SECRET_WORD.matcher(last).matches()) {
                throw new ConfigException(key + " in " + name + " looks like a secret; secrets are read from the "
                        + "environment only, remove it from the file");
            }
        }
        return new Settings(table, values, Map.copyOf(env), name);
    }

    /** Keys of the file that no setting reads (a typo, or a setting of another node type). */
    public Set<String> unknownKeys() {
        return file.keySet().stream().filter(key -> !byKey.containsKey(key)).collect(Collectors.toCollection(
                java.util.TreeSet::new));
    }

    /** The value, if set anywhere or defaulted. */
    public Optional<String> text(Setting setting) {
        return value(setting).map(Value::text);
    }

    /** The value, which must be set. */
    public String required(Setting setting) {
        return value(setting).map(Value::text).orElseThrow(() -> missing(setting));
    }

    /** A port, 0 to 65535 (0 = any free port). */
    public int port(Setting setting) {
        Value v = value(setting).orElseThrow(() -> missing(setting));
        try {
            int port = Integer.parseInt(v.text());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(setting, "must be a port number from 0 to 65535 (0 = any free port)");
    }

    /** A whole number of at least {@code min}. */
    public int whole(Setting setting, int min) {
        String text = required(setting);
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(setting, "must be a whole number of at least " + min);
    }

    /** A positive duration: seconds, or {@code 90s}, {@code 5m}... */
    public Duration duration(Setting setting) {
        Value v = value(setting).orElseThrow(() -> missing(setting));
        try {
            return Durations.parse(v.text());
        } catch (IllegalArgumentException e) {
            throw invalid(setting, e.getMessage());
        }
    }

    /** An {@code http://} or {@code https://} base URL with a host, without a trailing slash, if set. */
    public Optional<URI> httpUrl(Setting setting) {
        Optional<Value> v = value(setting);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(httpUrl(setting, v.get().text()));
    }

    /**
     * A comma list of http(s) URLs (e.g. a master and its standbys), each checked as {@link #httpUrl(Setting)}
     * does; empty when unset.
     */
    public List<URI> httpUrls(Setting setting) {
        Optional<Value> v = value(setting);
        if (v.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(v.get().text().split(",")).map(String::strip).map(url -> httpUrl(setting, url)).toList();
    }

    private URI httpUrl(Setting setting, String text) {
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw invalid(setting, "must be an http:// or https:// URL with a host, no query, user or fragment");
    }

    /** A file-system path. */
    public Path path(Setting setting) {
        String text = required(setting);
        try {
            return Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            throw invalid(setting, "not a valid path: " + e.getReason());
        }
    }

    /**
     * A problem with a setting's value, naming the setting, the value (unless secret) and where it came from.
     * Apps use it for their own checks so every message has the same form.
     */
    public ConfigException invalid(Setting setting, String problem) {
        Optional<Value> v = value(setting);
        if (v.isEmpty()) {
            return new ConfigException(setting.label() + ": " + problem);
        }
        String shown = setting.secret() ? "" : "='" + v.get().text() + "'";
        return new ConfigException(setting.label() + shown + " (from " + v.get().origin() + "): " + problem);
    }

    private ConfigException missing(Setting setting) {
        return new ConfigException(setting.env() + " is required: set it in the environment"
                + (setting.secret() ? " (secrets are read from the environment only)"
                : " or as " + setting.key() + " in the config file"));
    }

    private Optional<Value> value(Setting setting) {
        if (!byKey.containsKey(setting.key())) {
            throw new IllegalArgumentException("not a setting of this node: " + setting.env());
        }
        String fromEnv = env.get(setting.env());
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(new Value(fromEnv.strip(), "the environment"));
        }
        String fromFile = setting.secret() ? null : file.get(setting.key());
        if (fromFile != null && !fromFile.isBlank()) {
            return Optional.of(new Value(fromFile.strip(), fileName));
        }
        return Optional.ofNullable(setting.defaultValue()).map(d -> new Value(d, "the default"));
    }

    private record Value(String text, String origin) {
    }
}
