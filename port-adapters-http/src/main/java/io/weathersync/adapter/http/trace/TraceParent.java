package io.weathersync.adapter.http.trace;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context {@code traceparent}: version 00, a 32-hex trace id, a 16-hex parent (span) id, flags.
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param spanId  16 lower-case hex digits, not all zero
 * @param flags   2 hex digits ({@code 01} = sampled)
 */
public record TraceParent(String traceId, String spanId, String flags) {

    private static final Pattern FORM = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);

    /** Checks the form. */
    public TraceParent {
        if (!FORM.matcher("00-" + traceId + "-" + spanId + "-" + flags).matches()
                || traceId.equals(ZERO_TRACE) || spanId.equals(ZERO_SPAN)) {
            throw new IllegalArgumentException("traceparent: not a W3C trace context: " + traceId + "-" + spanId);
        }
    }

    /** The header as a caller sent it, when it is a well-formed version-00 traceparent. */
    public static Optional<TraceParent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var m = FORM.matcher(header.strip());
        if (!m.matches() || m.group(1).equals(ZERO_TRACE) || m.group(2).equals(ZERO_SPAN)) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(m.group(1), m.group(2), m.group(3)));
    }

    /** A new trace, sampled. */
    public static TraceParent newTrace() {
        return new TraceParent(hex(16), hex(8), "01");
    }

    /** The same trace with a new span id: what this node sends on a call it makes. */
    public TraceParent child() {
        return new TraceParent(traceId, hex(8), flags);
    }

    /** The header value. */
    public String header() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(random);
        } while (isZero(random));
        return HexFormat.of().formatHex(random);
    }

    private static boolean isZero(byte[] bytes) {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}
