package io.weathersync.application.port.out;

import java.util.concurrent.Callable;

/**
 * The context a thread's work runs in (a trace its log lines and calls carry), taken along when the core hands the
 * work to another thread, so the work runs there in the context of whoever asked for it.
 */
public interface ThreadContext {

    /** Carries nothing. */
    ThreadContext NONE = new ThreadContext() {
        @Override
        public <T> Callable<T> carry(Callable<T> work) {
            return work;
        }

        @Override
        public Runnable carry(Runnable work) {
            return work;
        }
    };

    /** {@code work}, to run in the calling thread's present context on whichever thread calls it. */
    <T> Callable<T> carry(Callable<T> work);

    /** As {@link #carry(Callable)}, for work without a result; what it throws reaches whoever runs it. */
    default Runnable carry(Runnable work) {
        Callable<Void> carried = carry(() -> {
            work.run();
            return null;
        });
        return () -> {
            try {
                carried.call();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
