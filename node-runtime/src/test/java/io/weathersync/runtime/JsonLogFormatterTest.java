package io.weathersync.runtime;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

/** LOG_FORMAT=json: one object per line, escaped, with the trace id of the request when there is one. */
class JsonLogFormatterTest {

    private final JsonLogFormatter formatter = new JsonLogFormatter("slave-1");

    private static LogRecord record(Level level, String message, Object... parameters) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName("io.weathersync.Test");
        record.setParameters(parameters);
        record.setInstant(java.time.Instant.parse("2026-12-06T05:00:00.123Z"));
        return record;
    }

    @Test
    void aLineIsOneJsonObjectWithTheNodeAndNoTraceOutsideARequest() {
        assertThat(formatter.format(record(Level.INFO, "listening on {0}", "http://127.0.0.1:8081")))
                .isEqualTo("{\"time\":\"2026-12-06T05:00:00.123Z\",\"level\":\"INFO\",\"logger\":"
                        + "\"io.weathersync.Test\",\"node\":\"slave-1\",\"message\":\"listening on "
                        + "http://127.0.0.1:8081\"}\n");
    }

    @Test
    void theTraceIdOfTheThreadIsAdded() {
        MDC.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
        try {
            assertThat(formatter.format(record(Level.WARNING, "x")))
                    .contains("\"level\":\"WARN\"").endsWith(",\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"}\n");
        } finally {
            MDC.remove("trace_id");
        }
    }

    @Test
    void quotesNewlinesAndControlCharactersAreEscapedSoALineStaysOneLine() {
        String line = formatter.format(record(Level.FINE, "a \"b\"\n\\c\u0001"));

        assertThat(line).contains("\"level\":\"DEBUG\"").contains("\"message\":\"a \\\"b\\\"\\n\\\\c\\u0001\"");
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    }

    @Test
    void aStackTraceGoesInErrorOnTheSameLine() {
        LogRecord record = record(Level.SEVERE, "failed");
        record.setThrown(new IllegalStateException("boom"));

        String line = formatter.format(record);

        assertThat(line).contains("\"level\":\"ERROR\"").contains("\"error\":\"java.lang.IllegalStateException: boom\\n");
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    }

    @Test
    void secretsAreMaskedInTheMessageAndTheStackTrace() {
        LogRecord record = record(Level.WARNING, "test-connection AK-SK CNkey:CSsecret0123 failed");
        record.setThrown(new IllegalStateException("Authorization: Bearer t0ps3cret"));

        String line = formatter.format(record);

        assertThat(line).doesNotContain("CSsecret0123").doesNotContain("t0ps3cret").contains("***");
    }
}
