package io.weathersync.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Sets up JUL (the one backend: SLF4J goes through slf4j-jdk14, Helidon and the core's System.Logger through
 * JUL) from this package's {@code logging.properties}: one concise line per record, on standard output.
 * An operator's own {@code -Djava.util.logging.config.file} wins. {@code LOG_LEVEL=debug} adds this system's debug
 * lines, and the stack trace of a failed start.
 */
final class NodeLogging {

    /** How much a node logs: {@code info}, or {@code debug}. */
    static final Setting LOG_LEVEL = Setting.of("log.level", "LOG_LEVEL", "info",
            "info, or debug: adds debug lines and the stack trace of a failed start");

    /** How a node writes its log lines: {@code text}, or {@code json}. */
    static final Setting LOG_FORMAT = Setting.of("log.format", "LOG_FORMAT", "text",
            "text, or json: one JSON object per line (time, level, logger, node, message, trace_id)");
    /** The node's name in JSON log lines. */
    static final Setting NODE_NAME = Setting.derived("node.name", "NODE_NAME", "master or slave",
            "this node's name in JSON log lines");

    /** Held: JUL keeps loggers only weakly, and a collected one would forget its level. */
    private static final Logger OURS = Logger.getLogger("io.weathersync");

    private NodeLogging() {
    }

    /** Configures logging; true when this package's stdout configuration is in effect. */
    static boolean configure() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return false;
        }
        try (InputStream in = NodeLogging.class.getResourceAsStream("logging.properties")) {
            if (in == null) {
                throw new IllegalStateException("logging.properties missing from the class path");
            }
            LogManager.getLogManager().readConfiguration(in);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read logging.properties", e);
        }
    }

    /**
     * Applies {@link #LOG_LEVEL}.
     *
     * @throws ConfigException when it is neither {@code info} nor {@code debug}
     */
    static void level(Settings settings) {
        String level = settings.required(LOG_LEVEL).toLowerCase(Locale.ROOT);
        switch (level) {
            case "info" -> OURS.setLevel(Level.INFO);
            case "debug" -> OURS.setLevel(Level.FINE);
            default -> throw settings.invalid(LOG_LEVEL, "must be info or debug");
        }
    }

    /**
     * Applies {@link #LOG_FORMAT} to this package's standard output handler, naming the node {@link #NODE_NAME}
     * (by default {@code program}).
     *
     * @throws ConfigException when it is neither {@code text} nor {@code json}
     */
    static void format(Settings settings, String program) {
        String format = settings.required(LOG_FORMAT).toLowerCase(Locale.ROOT);
        switch (format) {
            case "text" -> {
                return;
            }
            case "json" -> {
                JsonLogFormatter json = new JsonLogFormatter(settings.text(NODE_NAME)
                        .orElse(program.replaceFirst("^app-", "")));
                for (Handler handler : Logger.getLogger("").getHandlers()) {
                    if (handler instanceof StdoutHandler) {
                        handler.setFormatter(json);
                    }
                }
            }
            default -> throw settings.invalid(LOG_FORMAT, "must be text or json");
        }
    }
}
