package io.weathersync.runtime;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.logging.Formatter;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

/**
 * The one log line format of a node, made safe against what clients send: every control character in a message
 * or an exception's message (CR and LF above all, which would forge a log line) is written as an escape such as
 * {@code \n}, and what looks like a secret is masked ({@code CS…} node secrets, {@code Bearer} and {@code AK-SK}
 * credentials, {@code api_secret}/{@code push_key} values). A safety net under every logger, so that no call site
 * has to remember; stack frames stay one per line.
 */
public final class SafeLogFormatter extends Formatter {

    private static final String DEFAULT_FORMAT = "%1$tFT%1$tT.%1$tL %4$s %3$s - %5$s%6$s%n";
    private static final Pattern NODE_SECRET = Pattern.compile("\\bCS[A-Za-z0-9]{8,}");
    private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)\\S+");
    private static final Pattern AK_SK = Pattern.compile("(?i)(AK-SK\\s+[^\\s:]*:)\\S+");
    private static final Pattern NAMED = Pattern.compile(
            "(?i)((?:api_secret|push_key|admin_token|password)[\"']?\\s*[:=]\\s*[\"']?)[^\"'\\s,}]+");

    private final String format;

    /** The format of {@code java.util.logging.SimpleFormatter.format}, as {@link java.util.logging.SimpleFormatter}. */
    public SafeLogFormatter() {
        String configured = LogManager.getLogManager().getProperty("java.util.logging.SimpleFormatter.format");
        this.format = configured == null || configured.isBlank() ? DEFAULT_FORMAT : configured;
    }

    @Override
    public String format(LogRecord record) {
        String source = record.getSourceClassName() == null ? record.getLoggerName()
                : record.getSourceClassName() + (record.getSourceMethodName() == null ? ""
                : " " + record.getSourceMethodName());
        String thrown = record.getThrown() == null ? "" : System.lineSeparator() + trace(record.getThrown());
        return String.format(format, ZonedDateTime.ofInstant(record.getInstant(), ZoneId.systemDefault()), source,
                record.getLoggerName(), record.getLevel().getLocalizedName(), safe(formatMessage(record)), thrown);
    }

    /**
     * {@code text} with its secrets masked (node secrets, bearer and AK-SK credentials, named secret fields), for a
     * format that escapes control characters itself (JSON lines).
     */
    public static String masked(String text) {
        String masked = NODE_SECRET.matcher(text).replaceAll("CS***");
        masked = BEARER.matcher(masked).replaceAll("$1***");
        masked = AK_SK.matcher(masked).replaceAll("$1***");
        return NAMED.matcher(masked).replaceAll("$1***");
    }

    /** {@code text} with its secrets masked and its control characters escaped: one line, nothing to steal. */
    public static String safe(String text) {
        if (text == null) {
            return "null";
        }
        String masked = masked(text);
        StringBuilder out = new StringBuilder(masked.length());
        masked.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /** The throwable and its causes, each message made {@link #safe}, one frame per line. */
    private static String trace(Throwable thrown) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
            out.append(depth == 0 ? "" : "Caused by: ").append(t.getClass().getName());
            if (t.getMessage() != null) {
                out.append(": ").append(safe(t.getMessage()));
            }
            out.append(System.lineSeparator());
            for (StackTraceElement frame : t.getStackTrace()) {
                out.append("\tat ").append(frame).append(System.lineSeparator());
            }
        }
        return out.toString().stripTrailing();
    }
}
