package io.weathersync.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.LogManager;

/**
 * Sets up JUL (the one backend: SLF4J goes through slf4j-jdk14, Helidon and the core's System.Logger through
 * JUL) from this package's {@code logging.properties}: one concise line per record, on standard output.
 * An operator's own {@code -Djava.util.logging.config.file} wins.
 */
final class NodeLogging {

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
}
