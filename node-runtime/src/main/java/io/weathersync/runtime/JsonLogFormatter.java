package io.weathersync.runtime;

import org.slf4j.MDC;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * {@code LOG_FORMAT=json}: one JSON object per line, {@code time}, {@code level}, {@code logger}, {@code node},
 * {@code message}, and {@code trace_id} when the line belongs to a traced request or call (the MDC key the HTTP
 * adapter sets), {@code error} with the stack trace when there is one.
 */
final class JsonLogFormatter extends Formatter {

    private final String node;

    JsonLogFormatter(String node) {
        this.node = node;
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(256).append('{');
        field(line, "time", record.getInstant().toString());
        field(line.append(','), "level", level(record.getLevel()));
        field(line.append(','), "logger", record.getLoggerName() == null ? "" : record.getLoggerName());
        field(line.append(','), "node", node);
        field(line.append(','), "message", SafeLogFormatter.masked(formatMessage(record)));
        String trace = MDC.get("trace_id");
        if (trace != null) {
            field(line.append(','), "trace_id", trace);
        }
        if (record.getThrown() != null) {
            StringWriter stack = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(stack));
            field(line.append(','), "error", SafeLogFormatter.masked(stack.toString()));
        }
        return line.append("}\n").toString();
    }

    /** SLF4J's names for JUL's levels, as operators read them. */
    private static String level(Level level) {
        int value = level.intValue();
        return value >= Level.SEVERE.intValue() ? "ERROR" : value >= Level.WARNING.intValue() ? "WARN"
                : value >= Level.INFO.intValue() ? "INFO" : value >= Level.FINE.intValue() ? "DEBUG" : "TRACE";
    }

    private static void field(StringBuilder line, String name, String value) {
        line.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }
}
