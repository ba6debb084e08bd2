package io.weathersync.adapter.http.trace;

import io.weathersync.application.port.out.ThreadContext;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The trace of the handing thread (in SLF4J's MDC, see {@link Traces}) taken along with work the core hands to
 * another thread: a catch-up a request, a heartbeat or the periodic check asked for runs on the slave's replication
 * thread in that trace, so its call to the master and its log lines carry it.
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
}
