package io.weathersync.adapter.http.trace;

import io.weathersync.application.port.out.ThreadContext;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The trace of the handing thread (in SLF4J's MDC, see {@link Traces}) taken along with work the core hands to
 * another thread: a catch-up a request, a heartbeat or the periodic check asked for runs on the slave's replication
 * thread in that trace, so its call to the master and its log lines carry it. A live message (Redis) carries a
 * child of the sender's trace as its {@code traceparent}, and the receiver handles it in that trace.
 */
public final class MdcThreadContext implements ThreadContext {

    @Override
    public <T> Callable<T> carry(Callable<T> work) {
        Optional<TraceParent> trace = Traces.enabled() ? Traces.current() : Optional.empty();
        if (trace.isEmpty()) {
            return work;
        }
        TraceParent handed = trace.get();
        return () -> {
            Optional<TraceParent> own = Traces.current();
            Traces.begin(handed);
            try {
                return work.call();
            } finally {
                own.ifPresentOrElse(Traces::begin, Traces::end);
            }
        };
    }

    @Override
    public Optional<String> outgoing() {
        return Traces.enabled() ? Traces.current().map(trace -> trace.child().header()) : Optional.empty();
    }

    @Override
    public void within(Optional<String> incoming, Runnable work) {
        if (!Traces.enabled()) {
            work.run();
            return;
        }
        Optional<TraceParent> own = Traces.current();
        Traces.beginRequest(incoming.orElse(null));
        try {
            work.run();
        } finally {
            own.ifPresentOrElse(Traces::begin, Traces::end);
        }
    }
}
