package io.weathersync.runtime;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configuration setting: its YAML key, the environment variable that overrides it, its default and
 * whether it is a secret (read from the environment only, never from the file, never logged).
 *
 * @param key          the YAML key, dotted ({@code server.port})
 * @param env          the environment variable ({@code SERVER_PORT})
 * @param defaultValue the default as text, or {@code null} when there is none (or the app derives it)
 * @param shownDefault how {@code --help} shows the default ({@code defaultValue}, or what the app derives)
 * @param secret       whether it may only come from the environment
 * @param help         what it means, for {@code --help}
 */
public record Setting(String key, String env, String defaultValue, String shownDefault, boolean secret,
                      String help) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");
    private static final Pattern ENV = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** Validates the names. */
    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(help, "help");
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("key: must be dotted lower-case words, was '" + key + "'");
        }
        if (!ENV.matcher(env).matches()) {
            throw new IllegalArgumentException("env: must be upper-case words joined by '_', was '" + env + "'");
        }
        if (secret && defaultValue != null) {
            throw new IllegalArgumentException("defaultValue: a secret has no default (" + env + ")");
        }
        shownDefault = shownDefault != null ? shownDefault : defaultValue != null ? defaultValue : "none";
    }

    /** A plain setting, overridable by its environment variable. */
    public static Setting of(String key, String env, String defaultValue, String help) {
        return new Setting(key, env, defaultValue, null, false, help);
    }

    /** A setting without a fixed default: the app derives one (told in {@code --help} as {@code shownDefault}). */
    public static Setting derived(String key, String env, String shownDefault, String help) {
        return new Setting(key, env, null, shownDefault, false, help);
    }

    /** A secret: environment only, no default. */
    public static Setting secret(String key, String env, String help) {
        return new Setting(key, env, null, "none", true, help);
    }

    /** How error messages name it: the variable, and the YAML key unless it is a secret. */
    String label() {
        return secret ? env : env + " (" + key + ")";
    }
}
