package io.weathersync.adapter.http.trace;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A W3C Trace Context {@code traceparent}: version 00, a 32-hex trace id, a 16-hex parent (span) id, 2-hex flags,
 * kept as the header text itself. A trace is made or parsed on every request, so this stays cheap: a caller's header
 * is checked by hand (a regular expression there was the largest part of what tracing cost a request), and a new
 * one is written straight into the header's bytes, with no check, since what it writes is well-formed by
 * construction ({@code bin/bench --telemetry}, profiled with JFR).
 */
public final class TraceParent {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int TRACE_START = 3;
    private static final int SPAN_START = TRACE_START + 32 + 1;
    private static final int FLAGS_START = SPAN_START + 16 + 1;
    /** {@code 00-} + trace id + {@code -} + span id + {@code -} + flags. */
    private static final int HEADER_LENGTH = FLAGS_START + 2;

    private final String header;

    private TraceParent(String header) {
        this.header = header;
    }

    /** The header as a caller sent it, when it is a well-formed version-00 traceparent. */
    public static Optional<TraceParent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.strip();
        if (h.length() != HEADER_LENGTH || !h.startsWith("00-") || h.charAt(SPAN_START - 1) != '-'
                || h.charAt(FLAGS_START - 1) != '-' || !nonZeroHex(h, TRACE_START, SPAN_START - 1)
                || !nonZeroHex(h, SPAN_START, FLAGS_START - 1) || !hex(h, FLAGS_START, HEADER_LENGTH)) {
            return Optional.empty();
        }
        return Optional.of(new TraceParent(h));
    }

    /** A new trace, sampled. */
    public static TraceParent newTrace() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] b = new byte[HEADER_LENGTH];
        b[0] = '0';
        b[1] = '0';
        b[2] = '-';
        writeHex(b, TRACE_START, nonZero(random));
        writeHex(b, TRACE_START + 16, random.nextLong());
        b[SPAN_START - 1] = '-';
        writeHex(b, SPAN_START, nonZero(random));
        b[FLAGS_START - 1] = '-';
        b[FLAGS_START] = '0';
        b[FLAGS_START + 1] = '1';
        return new TraceParent(new String(b, StandardCharsets.ISO_8859_1));
    }

    /** The same trace and flags with a new span id: what this node sends on a call it makes. */
    public TraceParent child() {
        byte[] b = header.getBytes(StandardCharsets.ISO_8859_1);
        writeHex(b, SPAN_START, nonZero(ThreadLocalRandom.current()));
        return new TraceParent(new String(b, StandardCharsets.ISO_8859_1));
    }

    /** 32 lower-case hex digits, not all zero. */
    public String traceId() {
        return header.substring(TRACE_START, SPAN_START - 1);
    }

    /** 16 lower-case hex digits, not all zero. */
    public String spanId() {
        return header.substring(SPAN_START, FLAGS_START - 1);
    }

    /** 2 hex digits ({@code 01} = sampled). */
    public String flags() {
        return header.substring(FLAGS_START);
    }

    /** The header value. */
    public String header() {
        return header;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TraceParent that && header.equals(that.header);
    }

    @Override
    public int hashCode() {
        return header.hashCode();
    }

    @Override
    public String toString() {
        return header;
    }

    // Never zero, so the id it starts is never all zeros (which W3C reserves as invalid).
    private static long nonZero(ThreadLocalRandom random) {
        long value;
        do {
            value = random.nextLong();
        } while (value == 0);
        return value;
    }

    /** Writes {@code value} as 16 lower-case hex digits at {@code at}. */
    private static void writeHex(byte[] b, int at, long value) {
        for (int i = 15; i >= 0; i--) {
            b[at + i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
    }

    private static boolean nonZeroHex(String text, int from, int to) {
        if (!hex(text, from, to)) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != '0') {
                return true;
            }
        }
        return false;
    }

    private static boolean hex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
