package io.weathersync.adapter.http.trace;

import org.slf4j.MDC;

import java.net.http.HttpRequest;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The trace of the work this thread does, kept in SLF4J's MDC so every log line carries it: {@code trace_id} (what
 * the JSON log format prints) and {@code traceparent}. The server sets it per request; every node-to-node call
 * made meanwhile carries a child of it, so the called node logs the same trace id. Each cycle of a background loop
 * is a trace of its own ({@link #eachRunTraced}); a call made outside any trace starts one. {@link #enable} turns it
 * all off ({@code TRACING_ENABLED=false}).
 */
public final class Traces {

    /** The W3C header. */
    public static final String HEADER = "traceparent";
    /** The MDC key of the trace id, printed by the JSON log format. */
    public static final String TRACE_ID = "trace_id";

    private static volatile boolean enabled = true;

    private Traces() {
    }

    /** Turns tracing on or off for this process. */
    public static void enable(boolean on) {
        enabled = on;
    }

    /** Whether tracing is on. */
    public static boolean enabled() {
        return enabled;
    }

    /** Makes {@code trace} this thread's current one; returns its header value. */
    public static String begin(TraceParent trace) {
        String header = trace.header();
        MDC.put(TRACE_ID, trace.traceId());
        MDC.put(HEADER, header);
        return header;
    }

    /**
     * Makes a request's trace this thread's current one: the caller's {@code traceparent} when well-formed, else a
     * new trace; returns its header value, to echo in the reply.
     */
    public static String beginRequest(String callerHeader) {
        return begin(TraceParent.parse(callerHeader).orElseGet(TraceParent::newTrace));
    }

    /** Clears this thread's trace. */
    public static void end() {
        MDC.remove(TRACE_ID);
        MDC.remove(HEADER);
    }

    /** This thread's current trace, if any. */
    public static Optional<TraceParent> current() {
        return TraceParent.parse(MDC.get(HEADER));
    }

    /**
     * {@code run}, each call of which is a trace of its own: for a background loop (a heartbeat, a periodic check,
     * a poll cycle), so its log lines and the node-to-node calls it makes share one trace per cycle.
     */
    public static <T> Supplier<T> eachRunTraced(Supplier<T> run) {
        return () -> {
            if (!enabled) {
                return run.get();
            }
            begin(TraceParent.newTrace());
            try {
                return run.get();
            } finally {
                end();
            }
        };
    }

    /**
     * {@code request} with a {@code traceparent} header: a child of this thread's trace, or a new trace when there
     * is none; unchanged when tracing is off or the request already has one.
     */
    public static HttpRequest propagate(HttpRequest request) {
        if (!enabled || request.headers().firstValue(HEADER).isPresent()) {
            return request;
        }
        TraceParent next = current().map(TraceParent::child).orElseGet(TraceParent::newTrace);
        return HttpRequest.newBuilder(request, (name, value) -> true).header(HEADER, next.header()).build();
    }
}
