package io.weathersync.runtime;

import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

class SafeLogFormatterTest {

    private static final String SECRET = "CSabcdefghijklmnopqrstuvwxyz012345";

    @Test
    void crAndLfFromARequestCannotForgeALogLine() {
        LogRecord record = new LogRecord(Level.WARNING, "GET {0} failed");
        record.setParameters(new Object[] {"/api/x\r\n2026-12-06T00:00:00.000 INFO forged - admin logged in"});
        record.setLoggerName("test");

        String line = new SafeLogFormatter().format(record);

        assertThat(line.strip().lines()).hasSize(1);
        assertThat(line).contains("/api/x\\r\\n2026-12-06");
    }

    @Test
    void secretsAreMaskedInMessagesAndExceptions() {
        LogRecord record = new LogRecord(Level.SEVERE, "probe with AK-SK CNkey123:" + SECRET + "\n failed; "
                + "Authorization: Bearer my-admin-token; {\"api_secret\":\"hunter2\"}");
        record.setLoggerName("test");
        record.setThrown(new IllegalArgumentException("invalid header value: \"AK-SK CNkey:" + SECRET + "\n\"",
                new IllegalStateException("push_key=abcdef")));

        String text = new SafeLogFormatter().format(record);

        assertThat(text).doesNotContain(SECRET).doesNotContain("my-admin-token").doesNotContain("hunter2")
                .doesNotContain("abcdef");
        assertThat(text).contains("AK-SK CNkey123:***", "Bearer ***", "push_key=***");
        assertThat(SafeLogFormatter.safe("issued " + SECRET + " once")).isEqualTo("issued CS*** once");
        assertThat(text.lines().filter(line -> !line.startsWith("\tat "))).hasSize(3);
    }

    @Test
    void otherControlCharactersAreEscapedAndPlainTextIsKept() {
        assertThat(SafeLogFormatter.safe("a\u0007b\tc\u2028d é")).isEqualTo("a\\u0007b\\tc\\u2028d é");
        assertThat(SafeLogFormatter.safe("city Oslo seq 42")).isEqualTo("city Oslo seq 42");
    }
}
