package io.weathersync.runtime;

import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/**
 * A JUL handler writing each record to standard output at once: nodes log to stdout (scripts wait there for
 * {@code listening on}), and standard error is kept for the one-line {@code error:} of a refused start.
 */
public final class StdoutHandler extends StreamHandler {

    /** Writes to {@code System.out} as {@link SafeLogFormatter}; level and format come from the logging configuration. */
    public StdoutHandler() {
        super(System.out, new SafeLogFormatter());
    }

    @Override
    public synchronized void publish(LogRecord record) {
        super.publish(record);
        flush();
    }

    /** Flushes only: standard output belongs to the process, not to this handler. */
    @Override
    public synchronized void close() {
        flush();
    }
}
