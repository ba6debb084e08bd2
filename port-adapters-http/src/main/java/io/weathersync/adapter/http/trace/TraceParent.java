package io.weathersync.adapter.http.trace;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C Trace Context {@code traceparent}: version 00, a 32-hex trace id, a 16-hex parent (span) id, flags.
 * Checked by hand rather than with a regular expression: a trace is made or parsed on every request, and a regex
 * match there was the largest part of what tracing cost a request (bin/bench --telemetry, profiled with JFR).
 *
 * @param traceId 32 lower-case hex digits, not all zero
 * @param spanId  16 lower-case hex digits, not all zero
 * @param flags   2 hex digits ({@code 01} = sampled)
 */
public record TraceParent(String traceId, String spanId, String flags) {

    private static final HexFormat HEX = HexFormat.of();
    private static final int TRACE_DIGITS = 32;
    private static final int SPAN_DIGITS = 16;
    /** {@code 00-} + trace id + {@code -} + span id + {@code -} + flags. */
    private static final int HEADER_LENGTH = 3 + TRACE_DIGITS + 1 + SPAN_DIGITS + 1 + 2;

    /** Checks the form. */
    public TraceParent {
        if (!idDigits(traceId, TRACE_DIGITS) || !idDigits(spanId, SPAN_DIGITS) || !flagDigits(flags)) {
            throw new IllegalArgumentException("traceparent: not a W3C trace context: " + traceId + "-" + spanId);
        }
    }

    /** The header as a caller sent it, when it is a well-formed version-00 traceparent. */
    public static Optional<TraceParent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.strip();
        if (h.length() != HEADER_LENGTH || !h.startsWith("00-") || h.charAt(3 + TRACE_DIGITS) != '-'
                || h.charAt(HEADER_LENGTH - 3) != '-') {
            return Optional.empty();
        }
        String traceId = h.substring(3, 3 + TRACE_DIGITS);
        String spanId = h.substring(4 + TRACE_DIGITS, 4 + TRACE_DIGITS + SPAN_DIGITS);
        String flags = h.substring(HEADER_LENGTH - 2);
        if (!idDigits(traceId, TRACE_DIGITS) || !idDigits(spanId, SPAN_DIGITS) || !flagDigits(flags)) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(traceId, spanId, flags));
    }

    /** A new trace, sampled. */
    public static TraceParent newTrace() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new TraceParent(HEX.toHexDigits(nonZero(random)) + HEX.toHexDigits(random.nextLong()),
                HEX.toHexDigits(nonZero(random)), "01");
    }

    /** The same trace with a new span id: what this node sends on a call it makes. */
    public TraceParent child() {
        return new TraceParent(traceId, HEX.toHexDigits(nonZero(ThreadLocalRandom.current())), flags);
    }

    /** The header value. */
    public String header() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }

    // Never zero, so the id it starts is never all zeros (which W3C reserves as invalid).
    private static long nonZero(ThreadLocalRandom random) {
        long value;
        do {
            value = random.nextLong();
        } while (value == 0);
        return value;
    }

    private static boolean idDigits(String id, int length) {
        if (id == null || id.length() != length || !hexDigits(id, length)) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (id.charAt(i) != '0') {
                return true;
            }
        }
        return false;
    }

    private static boolean flagDigits(String flags) {
        return flags != null && flags.length() == 2 && hexDigits(flags, 2);
    }

    private static boolean hexDigits(String text, int length) {
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
